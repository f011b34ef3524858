set -- 0 3
IFS=fx
z="$@"; echo "$z"
z=$@; echo "$z"
z=$*; echo "$z"
unset IFS
z="$@"; echo "$z"
