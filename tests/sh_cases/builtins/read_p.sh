echo in | { read -p 'prompt> ' x; echo "[$x]"; }
