printf 'DOTVAR=set\necho in dot\n' > inc.sh
. ./inc.sh
echo $DOTVAR
