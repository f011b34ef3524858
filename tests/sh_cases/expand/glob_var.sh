touch one two
p='o*'
echo $p
echo "$p"
