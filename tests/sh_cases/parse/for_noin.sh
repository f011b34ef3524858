set -- x y
for i; do echo $i; done
for i
do echo again $i; done
