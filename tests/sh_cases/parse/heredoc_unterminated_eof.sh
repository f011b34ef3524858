# A here-document cut off by the end of the input ends there; its last
# line keeps no newline it did not have.
printf 'cat <<E\nline\nlast' >t1
sh t1 | od -c | sed 's/  */ /g'
printf 'cat <<E\nline $((1+1))\n' >t2
sh t2
