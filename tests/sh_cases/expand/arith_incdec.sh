# dash differs: see the .out (ash behaviour)
x=1
echo $((x++)) $x $((++x)) $x $((x--)) $x $((--x)) $x
