printf '%s %s\n' a
