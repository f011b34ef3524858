i=0
until [ $i -ge 2 ]; do echo u$i; i=$((i+1)); done
