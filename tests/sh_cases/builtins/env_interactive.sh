# An interactive shell (-i, also with -c) reads the file $ENV names, after
# parameter expansion; a non-interactive one does not; a missing file is
# no error. (The filter drops BusyBox's interactive banner.)
quiet() { grep -v -e BusyBox -e "'help'" -e '^$'; }
echo 'echo "env file: $1 x=$x"; fromenv=yes' >rc
HOME=$PWD ENV='$HOME/rc' x=1 sh -i -c 'echo "c: $fromenv"' 2>/dev/null | quiet
echo 'echo "script: $fromenv"' >s.sh
HOME=$PWD ENV='$HOME/rc' sh s.sh
HOME=$PWD ENV='$HOME/rc' sh -c 'echo "-c: $fromenv"'
ENV=/nonexistent/rc sh -i -c "echo missing: \$?" 2>/dev/null | quiet
echo 'exit 3' >rc2
ENV=$PWD/rc2 sh -i -c 'echo not reached' >out 2>/dev/null
echo "exit in ENV: $?"
quiet <out
echo done
