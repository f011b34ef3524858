# dash differs: see the .out (ash behaviour)
echo $LINENO
echo \
$LINENO
f() {
  echo $LINENO
}
f
