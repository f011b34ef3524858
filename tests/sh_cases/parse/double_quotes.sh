# dash differs: see the .out (ash behaviour)
x=val
echo "a  $x" "\$x" "\\" "\`" "\a" "q\"q"
