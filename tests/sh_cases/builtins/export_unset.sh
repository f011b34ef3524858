export A=1
unset A
sh -c 'echo "[$A]"'
