x=5; echo $(( x = x + 1 )) $x
