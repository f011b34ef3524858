exec 2>&1
echo err >&2
