set -- -z -b
getopts :ab: o; echo "o=$o OPTARG=$OPTARG"
getopts :ab: o; echo "o=$o OPTARG=$OPTARG"
