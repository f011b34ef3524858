set -- -a -b val -c rest
while getopts ab:c opt; do
  echo "opt=$opt arg=${OPTARG-}"
done
echo "ind=$OPTIND"
shift $((OPTIND-1))
echo "rest=$*"
