true | exit 5; echo $?
