# dash differs: no read -u in dash
echo from-fd > f
exec 5<f
read -u 5 x
echo "[$x]"
