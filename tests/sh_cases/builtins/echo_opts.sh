# dash differs: see the .out (ash behaviour)
echo -n no-newline; echo
echo -e 'a\tb'
echo -E 'a\tb'
echo -neE x; echo
echo - -- -x
