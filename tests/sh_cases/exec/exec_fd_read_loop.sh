printf 'l1\nl2\n' > f
exec 7<f
read a <&7
read b <&7
exec 7<&-
echo "$a $b"
