# dash differs: see the .out (ash behaviour)
x=hello
echo ${x:$((1+1)):2}
