set -u
echo ${x:-d}
echo $x
