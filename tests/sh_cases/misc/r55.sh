kill -0 $$ && echo alive
