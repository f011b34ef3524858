# dash differs: see the .out (ash behaviour)
echo $((a=1, b=2, a+b))
