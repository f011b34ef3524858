x=1
cat <<'EOF'
no $x `expansion` \$
EOF
cat <<"E"
dq $x
E
cat <<\E
bs $x
E
