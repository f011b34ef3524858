i=0
while [ $i -lt 300 ]; do true & i=$((i+1)); done
wait
echo done
