# dash differs: see the .out (ash behaviour)
echo 'echo "args: $*"' > d.sh
set -- outer
. ./d.sh in1 in2
echo "after: $*"
