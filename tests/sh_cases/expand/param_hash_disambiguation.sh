# ${#?} and ${#-} are the lengths of $? and $-; ${#-w}, ${#?w}, ${#+w},
# ${#=w} and the colon forms are $# with an operator.
b() { if [ $# -gt 0 ]; then printf '[%s]' "$@"; fi; echo; }
(exit 123); echo "${#?}"
set -f; [ "${#-}" = "$(printf %s "$-" | wc -c | tr -d ' ')" ] && echo "len of \$- ok"
set --
b ${#-""}
b ${#?X}
b ${#+""} "${#:+}"
b ${#=""} "${#:=}" "${#:-x}"
set a b; b "${##}" "${#}"
