echo 'echo "$# $1 $2"' | sh -s a b
