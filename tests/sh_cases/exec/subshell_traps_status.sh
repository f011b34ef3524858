# busybox differs: ash reports "Terminated" on stderr
sh -c '(kill -TERM $$); echo never'
echo $?
