X=prefix sh -c 'echo $X'
echo "[$X]"
