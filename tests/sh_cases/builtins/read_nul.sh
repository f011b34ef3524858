# read drops NUL bytes from the line, as dash and ash do.
printf 'l1\000l2\nnext\000\n' > in.bin
while read -r v; do
	printf '%s' "$v" | od -An -c
done < in.bin
printf 'a\000b\n' | { read v; printf '%s\n' "$v"; }
