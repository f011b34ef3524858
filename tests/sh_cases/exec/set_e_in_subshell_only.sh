(set -e; false; echo no)
echo "status $?"
