cat <<EOF
line $((1+1))
  indented
EOF
