cd nonexist 2>/dev/null; echo $?
