printf 'no newline' | { read x; echo "st=$? [$x]"; }
: | { read x; echo "st=$?"; }
