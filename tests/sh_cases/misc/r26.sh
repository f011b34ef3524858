x=outer; x=temp true; echo $x
