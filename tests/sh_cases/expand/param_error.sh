# dash differs: see the .out (ash behaviour)
unset u
(echo ${u?custom message}) 2>&1 | sed 's/^[^:]*: //'
(echo ${u?}) 2>&1 | sed 's/^[^:]*: //'
e=
(echo ${e:?is empty}) 2>&1 | sed 's/^[^:]*: //'
echo ${e?not-an-error}ok
