printf 'echo no\n' > f.sh
sh -n f.sh; echo st=$?
printf 'if\n' > g.sh
sh -n g.sh 2>/dev/null; echo st=$?
