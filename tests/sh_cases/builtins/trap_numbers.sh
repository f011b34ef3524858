trap 'echo term' 15
trap
kill -15 $$
echo after
