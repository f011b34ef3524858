# POSIX 2.9.1: a simple command's redirections are made before its
# assignments are expanded, so their command substitutions write where the
# redirections say; the xtrace line still goes to the shell's stderr.
x=$(echo hi >&2) true 2>/dev/null; echo "st=$?"
x=$(echo hi2 >&2) : 2>/dev/null
f() { echo "in f: $y"; }
y=$(echo hi3 >&2; echo v) f 2>/dev/null
v=$(printf 'a\nb' >&2) printf '%s\n' done 2>&1
set -x
echo traced 2>/dev/null
z=1 true 2>/dev/null
set +x
nosuchcmd_xyz 2>/dev/null; echo "nf=$?"
exec 3>out3; echo to3 >&3; exec 3>&-; cat out3
cat <<E 2>/dev/null
heredoc ok
E
