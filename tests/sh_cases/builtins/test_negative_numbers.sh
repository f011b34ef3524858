[ -5 -lt 3 ] && echo neg
[ 10 -ne 010 ] || echo same
