mkdir -p base/target
CDPATH=$PWD/base
cd target | sed 's|.*/||'
cd target >/dev/null && pwd | sed "s|.*/base/|base/|"
