touch b10 b2 B1 a_ b1
echo b*
echo *
