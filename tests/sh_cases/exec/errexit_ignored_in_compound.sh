# set -e: a failure ignored inside a brace group, if, loop or case (the
# left of && here) does not end the script through the compound command's
# status; a subshell's failure does.
set -e
{ false && true; }
echo "group $?"
if true; then false && true; fi
echo "if $?"
for i in 1; do false && true; done
echo "for $?"
while true; do false && true; break; done
echo "while"
case a in a) false && true;; esac
echo "case $?"
( false && true; )
echo not reached
