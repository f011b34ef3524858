touch b.txt a.txt c.log .hidden
echo *.txt
echo *
echo .h*
echo ?.log
echo [ab].txt
echo [!a].txt
