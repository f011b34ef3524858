p=/usr/local/bin/tool.tar.gz
echo ${p#*/} ${p##*/}
echo ${p%.*} ${p%%.*}
echo ${p#nomatch} ${p%x}
x=aaa
echo ${x#a} ${x##a} ${x#*} ${x##*}
