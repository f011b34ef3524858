x=$(printf 'a\tb'); IFS=$(printf '\t'); set -- $x; echo $#
