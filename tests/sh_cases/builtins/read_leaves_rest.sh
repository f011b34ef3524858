printf "a\nb\nc\n" > f
exec 3<f
read x <&3
cat <&3
{ read y; read z; cat; } < f
echo "$x $y $z"
