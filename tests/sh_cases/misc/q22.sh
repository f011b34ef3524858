x="*"; echo "$x" $x | head -c 3; echo
