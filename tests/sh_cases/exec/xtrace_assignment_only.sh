# An assignment-only command is traced after the assignments are made: (dash differs: it does not quote the trace)
# a new PS4 is used for its own trace.
exec 2>&1
set -x
x=val
PS4='[$x] '
y=2 z=3
set +x
