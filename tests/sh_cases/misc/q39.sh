echo 1 2 3 > f; set -- $(cat f); echo $2
