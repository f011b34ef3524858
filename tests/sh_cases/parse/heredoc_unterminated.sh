cat <<EOF
unterminated
