# set, export -p and trap quote a value as dash does: runs of ' go in
# "...", other runs in '...' (libtool's cache lines in config.log).
a="x'" b="'x" c="x''y" d="''" e="" f="plain" g='a b'
set | grep '^[a-g]='
export a d
export -p | grep ' [ad]='
trap "echo 'hi'" USR1
trap
