mkdir -p a/b
ln -s a/b lb
start=$PWD
cd lb
cd ..
[ "$PWD" = "$start" ] && echo logical
