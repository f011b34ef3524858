x=$(printf 'a\n\n\n')
echo "[$x]"
x=$(printf '\n\nb\n')
echo "[$x]"
