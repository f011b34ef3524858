x=$(printf 'a\000b')
echo "$x"
