f() { eval 'return 3'; echo never; }
f; echo $?
