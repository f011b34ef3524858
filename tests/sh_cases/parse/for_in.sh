for i in a b c; do echo $i; done
for i in; do echo never; done
echo done
