echo $0 | sed 's/.*\///'
true; echo $?
false; echo $?
sleep 0 & p=$!; wait; [ "$p" -gt 0 ] && echo bang-ok
[ "$$" -gt 0 ] && echo pid-ok
case $- in *e*) echo has-e;; *) echo no-e;; esac
