# dash differs: see the .out (ash behaviour)
echo "a\nb" "\$" "\\" "\q" "\""
