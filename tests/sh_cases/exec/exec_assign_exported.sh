# Assignments before `exec PROG` reach the program's environment.
x=5 exec sh -c 'echo "x=$x"'
