(trap 'echo sub-exit' EXIT; exit 3)
echo $?
