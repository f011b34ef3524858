# set -m without a terminal: job control stays off with ash's message,
# the script goes on, and background jobs stay in the shell's group.
set -m
echo "set st=$?"
case $- in *m*) echo has-m ;; *) echo no-m ;; esac
sleep 5 &
pid=$!
read -r _ _ _ _ pgrp _ </proc/$pid/stat
[ "$pgrp" = "$pid" ] || echo shell-group
kill $pid
wait $pid
echo "wait st=$?"
