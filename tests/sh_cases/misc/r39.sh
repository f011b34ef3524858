test 2 -gt 10; echo $?; [ a \< b ]; echo $?
