f() { echo "$@"; }; f "a b" c; f ''; f
