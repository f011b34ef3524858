# An interactive shell (-i +m, commands on stdin) survives errors that end (dash differs: it drops the rest of its input buffer after an error)
# a script: assignment to a read-only variable, expansion errors,
# redirection errors on special builtins, syntax errors.
cat >cmds <<'E'
readonly a=a
a=b
echo reached1
unset x; echo ${x?}
echo "st $?"
a=b cat </dev/null
echo reached2
for a in b; do :; done
echo reached3
: <_no_such
echo reached4
fi
echo reached5
E
sh -i +m <cmds 2>/dev/null | grep -o 'reached[0-9]'
echo "st $?"
