printf 'read x\necho got $x\n' > r.sh
echo data | sh r.sh
