# A ${...} that is no POSIX form fails only when it is expanded, as in
# dash and ash, so a bash-only branch that never runs does not stop a
# script. The lines are dash's (busybox differs: it names the next line).
echo start
if [ -n "$BASH_VERSION" ]; then
	here=${BASH_SOURCE[0]} y=${!here} z=${#x!} e=${}
	echo "${a[1]}"
fi
echo mid
x=$(echo ${a[0]})
echo "sub $?"
echo ${x[0]}
echo not reached
