# busybox differs: ash reports "Killed"/"Terminated" on stderr; dash and this shell stay quiet
sleep 10 &
kill -s KILL $!
wait $!
echo $?
