HOME=/h
p=~/a:~/b
echo $p
q=x~/a
echo $q
