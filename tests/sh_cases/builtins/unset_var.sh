x=1
unset x
echo "[${x-unset}]"
unset -v nonexist; echo st=$?
