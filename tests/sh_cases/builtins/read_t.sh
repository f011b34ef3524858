# dash differs: no read -t in dash
sleep 1 | { read -t 0.1 x; echo "st=$?"; }
