umask 0
umask
umask 777
umask
