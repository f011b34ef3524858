# dash differs: see the .out (ash behaviour)
f() { local y; echo "[${y-unset}]"; y=1; }
y=outer
f
echo $y
