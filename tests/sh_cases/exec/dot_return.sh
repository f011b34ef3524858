printf 'echo one\nreturn 3\necho never\n' > inc.sh
. ./inc.sh
echo st=$?
