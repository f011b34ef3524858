x=v
cat <<EOF
\$x $x \\ \a "q" 'sq'
cont\
inued
EOF
