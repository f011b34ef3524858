x=$(cd /; pwd); echo $x; pwd >/dev/null
