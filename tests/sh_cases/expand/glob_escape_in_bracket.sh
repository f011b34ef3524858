: >./-; : >a; : >b
echo [\-a]
