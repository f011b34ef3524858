# read with a bad variable name: an error, status 1. (dash differs: status 2)
read 1bad 2>/dev/null <<E
x
E
echo "st $?"
