umask 022
umask g+w
umask
umask o-r
umask
