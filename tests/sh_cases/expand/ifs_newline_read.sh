IFS='
'
set -- $(printf 'a b\nc d')
echo $#
