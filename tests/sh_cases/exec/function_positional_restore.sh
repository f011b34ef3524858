set -- a b
f() { set -- x y z; echo $#; }
f
echo $# $1
