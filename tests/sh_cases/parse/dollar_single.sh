# dash differs: no $'...' in dash
echo $'a\tb' $'\x41\102' $'it\'s' | od -c | sed 's/  */ /g'
