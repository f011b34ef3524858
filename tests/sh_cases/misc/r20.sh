wait; echo $?
