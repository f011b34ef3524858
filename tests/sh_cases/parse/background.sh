echo bg > bgout &
wait
cat bgout
