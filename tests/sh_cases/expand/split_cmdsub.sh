set -- $(printf 'one two\nthree')
echo $#
set -- "$(printf 'one two\nthree')"
echo $#
