# wait -n: the next job to end, as bash (dash differs: it has no -n;
# busybox differs: its wait -n returns 129 here). A job that ended before
# counts at once; with operands only those jobs; 127 with none left.
(sleep 0.4; exit 3) &
(sleep 0.1; exit 5) &
wait -n; echo "first=$?"
wait -n; echo "second=$?"
wait -n; echo "none=$?"
(exit 7) &
sleep 0.2
wait -n; echo "ended-before=$?"
(sleep 0.3; exit 4) & p=$!
(sleep 0.1; exit 6) &
wait -n $p; echo "that-one=$?"
wait
set -b; echo "set -b: $? $-"
set -o | grep notify
set +b
