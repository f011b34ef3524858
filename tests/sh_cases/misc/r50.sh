readonly a=1 b; b=2 2>/dev/null; echo never
