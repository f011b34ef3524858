while true; do done
