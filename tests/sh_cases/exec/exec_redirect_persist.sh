exec 3>out
echo via3 >&3
echo more >&3
exec 3>&-
cat out
exec 4<out
read a <&4
echo "read: $a"
