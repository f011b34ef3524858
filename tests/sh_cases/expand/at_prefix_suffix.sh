set -- a b
for i in "x$@y"; do echo "$i"; done
set --
for i in "x$@y"; do echo "$i"; done
