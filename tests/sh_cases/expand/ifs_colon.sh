IFS=:
x='a::b:'
set -- $x
echo $#
for i in $x; do echo "[$i]"; done
