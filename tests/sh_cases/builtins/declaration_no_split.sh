y='a b  c'
f() { local x=$1; echo "[$x]"; }
f "$y"
export e=$y; echo "[$e]"
readonly r=$y; echo "[$r]"
HOME=/h; export t=~/x:~/y; echo $t
