# ${@:off:len} and ${*:off:len} slice the positional parameters (0 is $0,
# negative counts from the end); a negative string offset past the start
# gives nothing, as in bash. (dash differs: no substrings; busybox differs:
# it slices the joined string)
set -- one two three
printf '<%s>' "${@:2}"; echo
printf '<%s>' ${*:1:2}; echo
printf '<%s>' "${@: -1}"; echo
printf '<%s>' "${@:5}"; echo
printf '<%s>' "${@:2:1}" "${#0}"; echo
IFS=-; echo "${*:2}"; unset IFS
x=abcabc
echo "[${x: -10}]" "[${x:7}]" "[${x: -2}]" "[${x:1:2}]"
