x=hello; e=
echo ${#x} ${#e} ${#unset}
set -- a b c
echo ${#}
