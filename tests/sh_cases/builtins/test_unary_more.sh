touch f; chmod 755 f; ln -s f l
[ -x f ] && echo exec
[ -L l ] && echo link
[ -h l ] && echo link2
[ -r f ] && echo readable
[ -w f ] && echo writable
