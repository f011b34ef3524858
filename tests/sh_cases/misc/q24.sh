x=$'a\nb'; echo "$x" | wc -l
