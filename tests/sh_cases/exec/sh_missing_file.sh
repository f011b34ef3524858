sh ./nonexistent.sh 2>/dev/null
echo $?
