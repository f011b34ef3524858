printf '\n\nx\n' | { read a; read b; read c; echo "[$a][$b][$c]"; }
