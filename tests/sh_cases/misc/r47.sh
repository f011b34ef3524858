x=a; x+=b 2>/dev/null; echo $x
