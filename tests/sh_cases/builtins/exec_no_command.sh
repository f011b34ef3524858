exec
echo still here
