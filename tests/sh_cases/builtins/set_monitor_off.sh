# +m (no job control) is accepted on the command line and by set, and
# `set -o` lists monitor (-m needs a terminal: see set_monitor_groups).
sh +m -c 'echo ok'
set +m; echo "st $?"
set +o monitor; echo "st $?"
set -o | grep monitor
