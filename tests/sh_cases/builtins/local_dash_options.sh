# `local -` in a function: the shell options come back when it returns.
m() { local -; set -e -u; echo "in m: $-"; }
m; echo "after m: [$-]"
n() { set -f; }; n; echo "without local -: $-"; set +f
o() { local - x=1; set -C; p; echo "o: $- x=$x"; }
p() { local -; set +C -a; echo "p: $-"; }
o; echo "after o: [$-]"
