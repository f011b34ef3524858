touch A1 b2 c3
echo [[:upper:]]* [[:digit:]]* [[:lower:]][[:digit:]]
