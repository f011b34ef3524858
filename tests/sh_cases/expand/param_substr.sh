# dash differs: no ${x:off:len} in dash
x=abcdefgh
echo ${x:2} ${x:2:3} ${x:0:1} ${x: -3} ${x:1:-2}
