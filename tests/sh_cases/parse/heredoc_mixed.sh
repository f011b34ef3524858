cat <<E"O"F
partial $x
EOF
if true; then
  cat <<-'END'
	in if $x
	END
fi
echo a | cat - <<EOF
from heredoc
EOF
x=v
cat <<EOF
a\
b $x\
c
EOF
cat <<EOF; echo after
same line
EOF
f() { cat <<EOF
$1
EOF
}; f one; f two
cat <<EOF
$(echo "cmd sub
with newline")
${x:+alt}
EOF
