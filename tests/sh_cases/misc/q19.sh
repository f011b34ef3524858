f() { local a=1; g; echo $a; }; g() { a=2; }; f
