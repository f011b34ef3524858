# dash differs: see the .out (ash behaviour)
a=$RANDOM
[ "$a" -ge 0 ] && [ "$a" -lt 32768 ] && echo in-range
