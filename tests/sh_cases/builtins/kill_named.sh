# dash says how a waited-for job died, on stderr (busybox differs: ash
# may stay quiet for `wait PID`)
sleep 10 &
kill -s KILL $!
wait $!
echo $?
