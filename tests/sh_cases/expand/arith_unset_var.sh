unset z
echo $((z)) $((z+1))
