set -e
! false
echo alive
