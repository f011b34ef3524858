:; echo $?
true; echo $?
false; echo $?
: ignored args; echo $?
