# read -t 0 only tells whether input is waiting (EOF counts), reading
# nothing. (dash differs: no -t)
read -t 0 x </dev/null; echo "devnull $? [${x-unset}]"
echo data >f
read -t 0 x <f; echo "file $? [${x-unset}]"
{ sleep 1; echo late; } | { read -t 0 x; echo "empty pipe $?"; }
read -n x y 2>&1 </dev/null; echo "st $?"
