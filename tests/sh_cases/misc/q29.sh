cd /; echo $PWD; cd /tmp; echo $OLDPWD
