# busybox differs: ash 1.35 ignores the # and % anchors (bash does not)
# dash differs: no ${x/p/r} in dash
x=hello-world-hello
echo ${x/hello/bye}
echo ${x//hello/bye}
echo ${x/#hello/start}
echo ${x/%hello/end}
echo ${x/o/}
echo ${x//[eo]/_}
