echo a 2>&1 >/dev/null | cat
