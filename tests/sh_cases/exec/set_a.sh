set -a
V=auto
sh -c 'echo $V'
