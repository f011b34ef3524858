echo 'echo from stdin "$1"' | sh -s arg1
