test a = a && echo eq
test a != b && echo ne
test -n x && echo n
test -z "" && echo z
[ abc ] && echo nonempty
[ "" ] || echo empty
