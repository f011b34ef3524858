printf '%s-%d\n' a 1 b 2
printf '%5s|%-5s|\n' r l
printf '%x %o %c\n' 255 8 hello
printf 'no newline'
echo
