# The last simple command of a subshell or command substitution replaces
# the forked shell (no extra process), as in dash; not when a trap is set.
me=$(sh -c 'echo $PPID')
[ "$me" = "$$" ] && echo "substitution: no extra fork"
(sh -c '[ "$PPID" = "$1" ] && echo "subshell: no extra fork"' sh $$)
(cd .; sh -c '[ "$PPID" = "$1" ] && echo "after cd: no extra fork"' sh $$)
(trap 'echo exit trap' EXIT; sh -c '[ "$PPID" != "$1" ] && echo "trap: forked"' sh $$)
x=$(exit 3); echo "st $?"
(set -e; false; echo not reached); echo "st $?"
