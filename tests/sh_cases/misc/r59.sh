umask 0777; umask 022; umask
