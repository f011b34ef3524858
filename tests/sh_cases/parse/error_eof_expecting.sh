# A command cut short by the end of the input names what it was waiting
# for, in ash's words (the stderr of each sh -c). (dash differs:
# its own words)
for w in 'if' 'if true; then' 'while' 'until :; do' '{' '(' 'for i in a' \
    'case a in a)' 'if :; then :; else' '`echo' '${'; do
    sh -c "$w" 2>&1 | sed 's/^[^:]*: //; s/^[0-9]*: //'
done
