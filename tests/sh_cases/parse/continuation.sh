echo a\
b
ec\
ho split
echo "x\
y"
