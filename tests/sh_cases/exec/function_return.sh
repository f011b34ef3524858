f() { return 5; echo never; }
f; echo $?
g() { false; }
g; echo $?
h() { return; }
false; h; echo $?
