# dash differs: no ** in dash
echo $((2 ** 10)) $((2 ** 3 ** 2)) $((-2 ** 2)) $((3 * 2 ** 2))
