export EX1='v 1'
export -p | grep EX1 > saved
unset EX1
. ./saved
sh -c 'echo "$EX1"'
