# $- lists the options in dash's and ash's order (their table backwards).
set -efuxvCa 2>/dev/null
flags=$-
set +efuxvCa 2>/dev/null
echo "$flags"
set -fa; echo "$-"; set +fa
echo 'echo $-' | sh -s
