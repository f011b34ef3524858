set -x
echo hi 'a b'
x=1
set +x
echo quiet
