# export and readonly with a value for a read-only variable: the builtin
# says so and the script ends.
readonly R=1
(export R=5; echo "not reached")
echo "st $?"
(readonly R=2; echo "not reached")
echo "st $?"
