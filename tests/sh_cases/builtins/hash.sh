hash -r
hash
