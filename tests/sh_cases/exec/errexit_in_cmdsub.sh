# busybox differs: ash does not apply set -e inside $( ); POSIX and dash do
set -e
x=$(false; echo after)
echo "x=$x"
