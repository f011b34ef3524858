a="x y"; for w in $a"z"; do echo "[$w]"; done
