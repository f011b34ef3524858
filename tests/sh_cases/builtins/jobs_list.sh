# jobs lists the background jobs newest first in ash's layout (no command
# text in a non-interactive shell), reports a finished one once, and
# still sees them in $(jobs -p). (dash differs: not in $(...))
sleep 1 &
(exit 3) &
sleep 0.3
jobs
jobs
x=$(jobs -p); [ -n "$x" ] && echo "substitution sees the job"
wait
jobs
jobs
echo end
