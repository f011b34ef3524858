# busybox differs: the messages are those of the shared test code (GNU wording)
[ 1 -lt ]
echo st=$?
