kill -l | grep -c TERM
