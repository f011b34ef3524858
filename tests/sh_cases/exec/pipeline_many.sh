seq 1 5 | sed 's/^/n/' | grep -v n3 | tr -d n | paste -sd+ | sed 's/$/=/'
