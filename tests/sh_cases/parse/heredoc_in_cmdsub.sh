y=$(cat <<EOF
inside
EOF
)
echo "$y"
