while read a; do echo "got $a"; done <<EOF
x
y
EOF
