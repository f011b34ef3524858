# unset: -f and -v may be combined (the last wins); a bad name or option
# is an error that ends the script.
x=1; f() { echo f; }
unset -fv x; echo "${x-unset}"
x=1; unset -vf x; echo "${x-unset}"; f 2>/dev/null || echo "f gone"
(unset 1bad; echo not reached)
echo "st $?"
(unset -x y; echo not reached)
echo "st $?"
