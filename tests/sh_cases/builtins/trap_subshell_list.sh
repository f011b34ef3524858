# A bare `trap` in a subshell lists the parent's traps until the subshell
# sets one (POSIX allows it for the `$(trap)` idiom; ash and bash do it).
# dash differs: it lists only the ignored signals (the .out is ash).
trap 'echo bye' EXIT
trap '' INT
trap 'echo u' USR1
saved=$(trap)
echo "[$saved]"
x=$(trap 'echo x' TERM; trap); echo "[$x]"
x=$(trap - INT; trap); echo "[$x]"
trap - USR1 EXIT
eval "$saved"
trap
