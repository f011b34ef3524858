trap 'echo got-usr1' USR1
(sleep 0.2; kill -USR1 $$) &
sleep 2 &
wait $!
echo "wait returned $?"
