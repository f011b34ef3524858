cat <<EOF
no trailing newline
EOF