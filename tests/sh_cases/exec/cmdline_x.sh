sh -x -c 'echo traced' 2>&1
