set -- 'a b' c
for i in ${1+"$@"}; do echo "[$i]"; done
set --
for i in ${1+"$@"}; do echo "[$i]"; done
echo end
