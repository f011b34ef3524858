echo "a" 'b' | { read p q; echo "$q $p"; }
