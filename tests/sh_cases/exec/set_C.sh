# dash differs: see the .out (ash behaviour)
echo one > f
set -C
echo two > f
echo st=$?
echo three >| f
cat f
