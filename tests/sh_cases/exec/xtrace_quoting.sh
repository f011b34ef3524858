set -x
x=$(echo a) y=2
echo "$x b" > /dev/null
f() { :; }
f a
for i in 1; do :; done
[ a = a ]
case a in a) true;; esac
z="it's"
