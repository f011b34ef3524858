# dash differs: see the .out (ash behaviour)
printf 'a\tb\\n\n'
printf '%s\n' '\t'
printf '\101\x42\n'
