# `$(trap)` (a substitution that is one trap command) lists the parent's
# traps (POSIX allows it for the idiom; ash does it); other subshells list
# only what they have: the ignored signals.
# dash differs: it lists only the ignored signals (the .out is ash).
trap 'echo bye' EXIT
trap '' INT
trap 'echo u' USR1
saved=$(trap)
echo "[$saved]"
( trap )
trap | cat
x=$(trap 'echo x' TERM; trap); echo "[$x]"
x=$(trap - INT; trap); echo "[$x]"
trap - USR1 EXIT
eval "$saved"
trap
