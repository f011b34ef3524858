read a <<< "here" 2>/dev/null; echo "[$a]"
