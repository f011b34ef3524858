set -- 1 2 3; shift; echo "$@"; set -- "$@" 4; echo $#
