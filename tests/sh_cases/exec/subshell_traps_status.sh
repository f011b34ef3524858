# dash and ash say how a waited-for command died, on stderr
sh -c '(kill -TERM $$); echo never'
echo $?
