f() { for i in 1 2; do return 7; done; }; f; echo $?
