readonly RO=1
f() { RO=2; }
(f) 2>/dev/null
echo $? $RO
