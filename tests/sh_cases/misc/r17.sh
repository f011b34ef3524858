x=$(cat <<'E'
q $x
E
); echo "$x"
