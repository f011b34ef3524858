set -- ""
echo ${1:-empty} ${1-unset}
