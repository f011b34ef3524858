# umask rejects a bad mode with status 2 and leaves the mask alone. (dash differs: it takes 1777)
umask 022
umask abc; echo "st $?"
umask 08; echo "st $?"
umask 1777; echo "st $?"
umask
