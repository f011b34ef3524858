f() { x=in-f; }; x=1 f; echo $x
