nosuchcommand_x
echo st=$?
