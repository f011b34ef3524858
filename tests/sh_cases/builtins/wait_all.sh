(sleep 0.1; echo one) &
(sleep 0.2; echo two) &
wait
echo both
