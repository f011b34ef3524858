# dash differs: see the .out (ash behaviour)
exec 10>out10
echo to10 >&10
exec 10>&-
cat out10
echo still reading the script
