x=val
echo $x ${x} "${x}"x ${x}y
