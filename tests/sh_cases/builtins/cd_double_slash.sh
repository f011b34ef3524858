# Exactly two leading slashes are kept in PWD (POSIX leaves their meaning
# to the system); three or more become one.
cd //; echo "$PWD"
cd //tmp; echo "$PWD"
cd ///tmp; echo "$PWD"
cd /tmp//; echo "$PWD"
cd //tmp/..; echo "$PWD"
