# dash differs: no let in dash
let x=5+1 y=x*2
echo $x $y
let 0; echo $?
let 1; echo $?
