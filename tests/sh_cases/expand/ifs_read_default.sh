printf '  lead  trail  \n' | { read a; echo "[$a]"; }
