# type -p NAME prints the program's path only (bash); nothing for a
# function or builtin; status 1 for a missing name. (dash differs: no -p;
# busybox differs: it prints any name)
[ "$(type -p cat)" = "$(command -v cat)" ] && echo same
f() { :; }
type -p f echo; echo "st $?"
type -p nosuch_cmd_zz; echo "st $?"
