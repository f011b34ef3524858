f() { echo inside; } >out
f; f
cat out
