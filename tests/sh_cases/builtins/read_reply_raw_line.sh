# read with no name puts the whole line in REPLY, leading and trailing
# blanks kept (ash, bash); backslashes still escape without -r.
# (dash differs: a name is required)
printf '  a b  \n' | { read; echo "[$REPLY]"; }
printf '  a\\ b\\\\  \n' | { read; echo "[$REPLY]"; }
printf '  a\\ b  \n' | { read -r; echo "[$REPLY]"; }
