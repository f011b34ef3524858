printf 'a:b:c\n' | { IFS=: read x y; echo "[$x] [$y]"; }
printf '  lead trail  \n' | { read x; echo "[$x]"; }
printf '  lead trail  \n' | { IFS= read x; echo "[$x]"; }
