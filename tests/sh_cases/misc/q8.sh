echo `echo "a  b"` "`echo "c  d"`"
