export E1=one
sh -c 'echo $E1'
E2=two
sh -c 'echo "[$E2]"'
export E2
sh -c 'echo "[$E2]"'
