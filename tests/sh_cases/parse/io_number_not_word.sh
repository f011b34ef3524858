echo a 2>/dev/null b
echo 2 > f; cat f
