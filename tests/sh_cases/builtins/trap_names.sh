# dash differs: see the .out (ash behaviour)
trap 'echo h' SIGHUP
trap 'echo u' usr2
trap
