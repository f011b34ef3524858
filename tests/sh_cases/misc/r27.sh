x=outer; x=temp :; echo $x
