a=1 b=2 c=3
unset a b
echo "${a-x}${b-y}$c"
