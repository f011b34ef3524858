# LINENO in eval text counts on from the line of the eval command. (dash differs: no LINENO)
echo $LINENO

eval 'echo $LINENO
echo $LINENO'
eval '(echo $LINENO)'
echo $LINENO
