touch aa ab
set -f
echo a*
