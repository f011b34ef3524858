sh -Z -c 'echo never' 2>/dev/null; echo "status $?"
