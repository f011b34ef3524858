# dash differs: no read -n in dash
printf 'abcdef' | { read -n 3 x; echo "[$x]"; }
