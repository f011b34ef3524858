# A command with no name takes the status of its last command
# substitution, in an assignment or in a redirection.
>/dev/null$(exit 17); echo "st $?"
a=$(exit 3) >/dev/null; echo "st $?"
x=$(exit 4) y=$(exit 0); echo "st $?"
>f$(false); [ -f f ] && echo "f made"
