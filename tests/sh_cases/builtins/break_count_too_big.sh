for i in 1 2; do for j in 1 2; do break 5; done; echo no; done
echo out
