# dash differs: no read -d in dash
printf 'a,b' | { read -d , x; echo "[$x]"; }
