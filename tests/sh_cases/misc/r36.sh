getopts a: o -a; echo $? $o
