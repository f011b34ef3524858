1x=2 2>/dev/null || echo notassign
