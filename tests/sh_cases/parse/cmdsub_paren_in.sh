echo $( (echo sub) )
echo $((1+2)) $( echo x)
