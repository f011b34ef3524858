# An assignment to a read-only variable before a regular command (builtin,
# function or program) is an error that ends the script, before the
# command runs.
readonly R=1
f() { echo "f ran"; }
(R=2 f; echo "not reached $?")
echo "sub $?"
(R=2 true; echo "not reached $?")
echo "sub $?"
(R=2 sh -c 'echo program ran'; echo "not reached $?")
echo "sub $?"
