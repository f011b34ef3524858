# dash differs: see the .out (ash behaviour)
echo $((1+2*3)) $(( (1+2)*3 )) $((7/2)) $((7%3)) $((-7/2)) $((2**0+0))
