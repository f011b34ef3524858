i=0; while :; do i=$((i+1)); [ $i -gt 3 ] && break; done; echo $i
