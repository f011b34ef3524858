set -e
if false; then :; fi
false || true
false && true
! true
while false; do :; done
f() { false; echo f-continues; }
f || true
echo survived
