# dash differs: see the .out (ash behaviour)
printf 'whole line\n' | { read; echo "[$REPLY]"; }
