set -x
x=$(echo v)
echo $x
