echo err 1>&2 2>/dev/null
{ echo to-err >&2; } 2>&1
echo x 3>f4 >&3; cat f4
