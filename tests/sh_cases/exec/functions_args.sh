f() { echo "$# $1 $2"; }
f a b
echo "$#"
set -- x
f
echo $1
