# dash differs: see the .out (ash behaviour)
echo -e 'x\0101y' 'tab\there' 'nl\\n'
