f() { trap 'echo f-exit' EXIT; }
f
echo main
