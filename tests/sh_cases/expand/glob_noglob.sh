touch zz
set -f
echo z*
set +f
echo z*
