echo $((   1   +   2   ))
x=' 5 '
echo $((x + 1))
