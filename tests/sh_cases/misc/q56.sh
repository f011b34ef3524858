cat <<'A' <<B
one
A
two
B
