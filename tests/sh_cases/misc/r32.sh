for i in 1 2; do for j in a b; do break; done; echo $i; done
