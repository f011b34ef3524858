# `return` at the top of a dot file ends the file only: the function that
# ran `.` carries on.
echo 'echo in file; return 7; echo not reached' >r
f() { . ./r; echo "after dot $?"; return 1; }
f; echo "f $?"
. ./r; echo "top $?"
