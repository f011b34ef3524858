x='a b' y="it's" z=
set | grep -E '^(x|y|z)=' > saved
unset x y z
. ./saved
echo "[$x] [$y] [$z]"
