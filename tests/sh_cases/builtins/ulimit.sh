ulimit -n 256
ulimit -n
ulimit -S -n
