x=$(false)
echo $?
