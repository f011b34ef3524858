break
echo st=$?
