mkdir z
cd z
[ "$(pwd)" = "$PWD" ] && echo same
