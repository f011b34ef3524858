cat <<EOF
${x:-default} $(echo cmd) `echo bq` $((2*3))
EOF
