# read into a read-only variable: the builtin says so, status 2, and the
# script goes on.
readonly a=1
read a <<E
y
E
echo "st $? a=$a"
