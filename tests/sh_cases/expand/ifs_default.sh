x='  a   b  c  '
set -- $x
echo $# "$1" "$3"
