x=1
echo a | x=2
echo $x
