unset u
echo before
echo ${u?gone}
echo never
