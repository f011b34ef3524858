readonly RO='x y'
readonly -p | grep RO
