# dash differs: see the .out (ash behaviour)
echo line $LINENO
