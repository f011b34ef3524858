cd /nonexistent
echo st=$?
