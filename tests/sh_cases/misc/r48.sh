v=1; export v; v=2; sh -c 'echo $v'
