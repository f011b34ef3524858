set --
for i in "$@"; do echo never; done
echo count $#
set -- "$@"
echo $#
x="$@"
echo "[$x]"
