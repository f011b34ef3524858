# Errors inside eval or a dot file name it after the script's name (dash,
# ash); a builtin's own errors keep the builtin's name.
printf 'nosuchcmd_q\necho ${u?msg}\n' >bad
(. ./bad)
eval nosuchcmd_z
(eval 'echo ${u?m}')
eval 'if'
echo not reached
