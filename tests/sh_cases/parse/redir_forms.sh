echo out > f1; cat f1
echo app >> f1; cat f1
cat < f1 | wc -l
echo rw 1<> f2; cat f2
echo clob >| f3; cat f3
