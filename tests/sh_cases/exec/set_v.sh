set -v
echo hi
