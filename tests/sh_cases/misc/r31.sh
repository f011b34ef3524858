i=0; while [ $i -lt 3 ]; do i=$((i+1)); continue; echo no; done; echo $i
