# busybox differs: ash 1.35 assigns in the skipped operands
x=0
echo $((0 && (x=1))) $x
echo $((1 || (x=2))) $x
echo $((1 ? 5 : (x=3))) $x
