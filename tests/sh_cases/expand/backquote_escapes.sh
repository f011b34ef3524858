echo `echo '\$x'`
x=in
echo "`echo \"$x\"`"
