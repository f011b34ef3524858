# dash differs: see the .out (ash behaviour)
cat < nonexistent
echo st=$?
echo > /nonexistent/dir/file
echo st=$?
