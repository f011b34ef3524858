exec 5>&1
exec >out
echo hidden
exec >&5 5>&-
cat out
