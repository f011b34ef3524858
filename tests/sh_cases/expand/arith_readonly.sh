# Assigning to a read-only variable in $(( )) is one error that ends the
# script.
readonly r=1
echo $((r + 1))
echo $((r += 1))
echo not reached
