set -- a bb ccc
echo ${#1} ${#3} ${#}
