# After a bare `wait`, `wait $!` still gives the last background job's
# status.
(exit 3) & (exit 4) &
wait; echo "all $?"
wait $!; echo "last $?"
