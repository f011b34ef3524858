# umask takes -- before the mode.
umask -- 027; umask
umask -S -- 022; umask
