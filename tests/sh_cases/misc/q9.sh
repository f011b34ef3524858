a=1; b=a; echo ${a:+x$b}
