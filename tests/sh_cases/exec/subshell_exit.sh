(exit 7); echo $?
(true; exit); echo $?
