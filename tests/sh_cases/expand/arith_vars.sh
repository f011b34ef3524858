x=3 y=4
echo $((x*y)) $(($x+$y)) $((z+1))
n=0x10
echo $((n))
