mkdir x y
cd x
cd ../y
cd - | sed 's|.*/||'
pwd | sed 's|.*/||'
