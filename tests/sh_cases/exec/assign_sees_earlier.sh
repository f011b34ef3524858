# Assignments are expanded left to right, each seeing the ones before it,
# with or without a command after them.
unset x y
x=1 y=$x; echo "y=$y"
a=1; a=2 b=$a; echo "b=$b"
x=3 y=$x sh -c 'echo "program y=$y"'
f() { echo "function y=$y"; }
x=4 y=$x f
x=5 y=$x eval 'echo "eval y=$y"'
p=1 p=$((p + 1)) q=$p; echo "p=$p q=$q"
unset m n; m=7 n=$m true; echo "after true: m=${m-unset} n=${n-unset}"
