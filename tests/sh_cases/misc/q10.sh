IFS=,; set -- "a,b" c; echo "$*"; for i in $1; do echo $i; done
