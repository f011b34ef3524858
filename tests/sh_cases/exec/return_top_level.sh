# `return` at the top of a script ends it with the given status, as in
# dash and ash (bash refuses).
echo before
return 3
echo not reached
