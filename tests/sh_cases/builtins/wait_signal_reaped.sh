# A background job killed while the shell waited for a foreground command
# is collected then, so a later `wait PID` gives its status without a
# message; a job still running when `wait` starts is reported (dash).
sleep 5 & kill $!
sleep 1
wait $!; echo "st $?"
