x=a
echo $x"b"$x'c'
echo ${x}_$x
