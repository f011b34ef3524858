# dash differs: see the .out (ash behaviour)
echo -e 'before\cafter'; echo
