echo "$(echo '"' "'")"
