while getopts x: o -x 1 -x 2; do echo "$o=$OPTARG"; done
