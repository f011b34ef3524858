HOME=/home/me
echo ~ ~/x "~" ~"/q" a~b
x=~/p:~/q
echo $x
