printf '%s\n' "a b" c | sort -r
