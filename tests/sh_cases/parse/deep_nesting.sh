s=''
i=0
while [ $i -lt 10000 ]; do s="$s("; i=$((i+1)); done
eval "$s" 2>/dev/null
echo "status $?"
