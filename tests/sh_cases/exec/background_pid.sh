sleep 0.1 &
p=$!
kill -0 $p && echo running
wait $p; echo "waited $?"
