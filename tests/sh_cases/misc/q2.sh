echo $(( $(echo 1) + 2 )) $(( 3 $(echo +) 4 ))
