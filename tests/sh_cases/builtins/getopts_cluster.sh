set -- -ab -cfoo x
while getopts abc: o; do echo "$o ${OPTARG-}"; done
echo $OPTIND
