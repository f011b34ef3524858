cat <<EOF
"double" 'single' \`bq\` \$dollar
EOF
