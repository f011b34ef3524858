[ abc \< abd ] && echo less
[ b \> a ] && echo greater
[ "" = "" ] && echo empty-eq
