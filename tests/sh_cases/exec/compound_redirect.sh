{ echo one; echo two; } > out
cat out
while read l; do echo "got $l"; done < out
if true; then echo redirected; fi > out2
cat out2
