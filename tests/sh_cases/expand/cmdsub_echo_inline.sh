# $(echo ...) of plain words runs in the shell itself (no fork); its
# results are a forked shell's: splitting, globbing, -n, trailing
# newlines, $? = 0; a function named echo, set -u and set -x still take
# the forked path.
a='one  two' b='*.none' IFS=' '
x=$(echo $a "$a" $b); echo "[$x] $?"
false; x=$(echo); echo "[$x] $?"
x=$(echo -n 'no nl'); echo "[$x]"
x=$(echo "a

"); echo "[$x]"
set -- p 'q r'
x=$(echo "$@" $# ${#a}); echo "[$x]"
echo() { printf 'F:%s\n' "$*"; }
x=$(echo hi); printf '%s\n' "[$x]"
unset -f echo
(set -u; x=$(echo "$nosuch"); echo "after: $?") 2>/dev/null; echo "sub st=$?"
x=$(echo "$(echo inner)"); echo "[$x]"
