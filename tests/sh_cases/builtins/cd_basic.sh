mkdir -p a/b
cd a/b
pwd | sed "s|.*/\(a/b\)|\1|"
cd ..
pwd | sed 's|.*/||'
cd
[ "$PWD" = "$HOME" ] && echo home
