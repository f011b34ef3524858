sh -c 'exit 255'; echo $?
