trap 'echo x' NOSUCH
echo st=$?
