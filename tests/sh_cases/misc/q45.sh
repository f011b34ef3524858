x=1; readonly x; (x=2) 2>/dev/null; echo $? $x
