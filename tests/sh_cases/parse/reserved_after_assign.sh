x=1 echo if
