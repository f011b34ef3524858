exec 3>&1; echo to3 >&3; exec 3>&-; echo to3 >&3 2>/dev/null || echo closed
