x=$(echo a; exit 4); echo $? $x
