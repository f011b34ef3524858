touch aa ab
export g=a*
echo "$g"
