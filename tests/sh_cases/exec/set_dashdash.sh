set -- a 'b c'
echo $# "$2"
set --
echo $#
