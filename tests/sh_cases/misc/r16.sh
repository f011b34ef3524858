cat <<EOF >o
redir after
EOF
cat o
