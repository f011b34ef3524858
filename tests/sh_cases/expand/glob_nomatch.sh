echo *.none
echo "*.txt"
