(exec echo from-exec)
echo after
