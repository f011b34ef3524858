echo 'echo hi' > plain
chmod 644 plain
./plain
echo st=$?
