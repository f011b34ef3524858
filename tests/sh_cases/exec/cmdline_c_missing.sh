sh -c 2>/dev/null; echo "status $?"
