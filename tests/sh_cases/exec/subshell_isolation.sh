x=outer
(x=inner; cd /; echo $x)
echo $x
