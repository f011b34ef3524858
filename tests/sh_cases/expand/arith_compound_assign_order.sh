# A compound assignment uses the variable's value after its right side
# ran: i += i *= 2 doubles i first (bash, ash). (dash differs: it reads
# the value first)
i=5; echo $(( i += i *= 2 )) $i
j=1; echo $(( j += (j = 10) )) $j
k=2; echo $(( k *= 3 )) $k
