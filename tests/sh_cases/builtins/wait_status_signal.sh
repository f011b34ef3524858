# busybox differs: ash reports "Killed" on stderr
sleep 10 &
p=$!
kill -KILL $p
wait $p
echo $?
