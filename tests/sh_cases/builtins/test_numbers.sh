[ 1 -lt 2 ] && echo lt
[ 2 -ge 2 ] && echo ge
[ 3 -eq 4 ] || echo neq
