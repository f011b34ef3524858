# dash differs: see the .out (ash behaviour)
exec 12>f5
echo twelve >&12
exec 12>&-
cat f5
