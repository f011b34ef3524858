printf '1\n2\n' > f
while read l; do echo "<$l>"; done < f
