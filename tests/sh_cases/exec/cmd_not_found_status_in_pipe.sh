nonexistent_cmd_zz 2>/dev/null | echo piped
echo $?
