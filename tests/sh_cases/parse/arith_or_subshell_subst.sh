# $(( with no matching )) is a command substitution of a subshell, as in
# bash. (dash differs, busybox differs: both refuse it)
t=$((echo sub) ); echo "$t"
x=$((echo a; echo b) | tr a-z A-Z); echo $x
echo $(( (1+2) * 2 ))
