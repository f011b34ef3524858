f() (echo in-sub; exit 3)
f; echo $?
