echo ${1-none} ${2:-none2}
