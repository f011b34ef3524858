trap 'echo trapped' EXIT; (exit 2); echo $?
