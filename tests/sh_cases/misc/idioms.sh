var='   lead and trail   '
var="${var#"${var%%[! ]*}"}"; var="${var%"${var##*[! ]}"}"
printf '[%s]\n' "$var"
path=/a/b/c.tar.gz
printf '%s %s %s\n' "${path##*/}" "${path%/*}" "${path##*.}"
s='a,b,c'; old=$IFS; IFS=,; set -- $s; IFS=$old; printf '%s|' "$@"; echo
x=; [ -z "${x:-}" ] && echo unset-or-empty
n=$(printf '%s\n' a b c | wc -l); echo $((n + 0))
case "$(uname -s)" in Linux) echo linux;; *) echo other;; esac
str=hello; i=0; while [ $i -lt ${#str} ]; do i=$((i+1)); done; echo $i
list="a b c"; for w in $list; do printf '%s.' "$w"; done; echo
set -- -v -f file rest; while [ $# -gt 0 ]; do case $1 in -v) v=1;; -f) f=$2; shift;; *) break;; esac; shift; done; echo "$v $f $*"
ret=$( { echo out; echo err >&2; } 2>&1 ); echo "$ret" | wc -l
is_num() { case $1 in ''|*[!0-9]*) return 1;; esac; }; is_num 42 && echo num; is_num 4x || echo notnum
echo "${HOME:+home is set}"
tmp=${TMPDIR:-/tmp}; echo $tmp
a=1; b=${a:+"x y"}; echo "$b"
echo $(( $(echo 3) * $(echo 4) ))
eval "v_$a=assigned"; eval echo "\$v_$a"
printf '%s\n' "$(printf 'x\n\n')" | od -c | head -1
