set -- a b; f() { echo $#; set -- x; echo $1; }; f 1 2 3; echo $1
