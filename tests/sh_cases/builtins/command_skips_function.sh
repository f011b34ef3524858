echo() { printf 'func\n'; }
echo hi
command echo real
