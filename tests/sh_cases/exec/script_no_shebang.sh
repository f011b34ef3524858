printf 'echo from script "$@"\nexit 4\n' > s
chmod +x s
./s a b
echo st=$?
