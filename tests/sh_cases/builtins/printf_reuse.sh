printf '%s\n' one two three
printf '[%s %s]\n' 1 2 3
