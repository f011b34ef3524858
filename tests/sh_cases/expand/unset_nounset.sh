set -u
x=ok
echo $x
echo ${unset_var:-default}
echo $unset_var
echo never
