eval 'x=1; echo $x'
eval echo '$x' two
cmd='echo a; echo b'
eval "$cmd"
