# `command` stops a special builtin's error from ending the script. (busybox differs: set -o bogus is no error there)
command set -o bogus 2>/dev/null; echo "set $?"
command . ./nonexistent 2>/dev/null; echo "dot $?"
command export 1bad=2 2>/dev/null; echo "export $?"
readonly r=1
command unset r 2>/dev/null; echo "unset $?"
set -o bogus 2>/dev/null
echo not reached
