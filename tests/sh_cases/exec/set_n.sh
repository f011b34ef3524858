set -n
echo never
