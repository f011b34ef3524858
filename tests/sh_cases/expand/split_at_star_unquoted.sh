set -- 'a b' 'c'
IFS=x
echo $*
echo $@
