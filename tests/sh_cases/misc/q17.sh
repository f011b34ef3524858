echo a > f; read x < f; echo $x; exec 3< f; read y <&3; echo $y
