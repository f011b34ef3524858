mkdir x
start=$PWD
cd x
[ "$OLDPWD" = "$start" ] && echo oldpwd-ok
