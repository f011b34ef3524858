alias greet='echo hi'
f() { greet; }
unalias greet
f
