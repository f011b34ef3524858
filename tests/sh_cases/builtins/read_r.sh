# dash differs: see the .out (ash behaviour)
printf 'a\\tb \\\nc\n' | { read x; echo "[$x]"; }
printf 'a\\tb\n' | { read -r x; echo "[$x]"; }
