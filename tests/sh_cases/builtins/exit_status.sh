(exit 300); echo $?
(exit); echo $?
(false; exit); echo $?
