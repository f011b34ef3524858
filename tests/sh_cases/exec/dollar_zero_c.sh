sh -c 'echo $0' myname
sh -c 'echo $0' | grep -c sh
