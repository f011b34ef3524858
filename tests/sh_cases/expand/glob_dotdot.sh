touch .a .b x
echo .*
echo .[a-z]
