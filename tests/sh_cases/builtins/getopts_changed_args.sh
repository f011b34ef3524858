set -- -ab
getopts ab o; echo $o
set -- -c
getopts abc o; echo $o
