mkdir d
cd d
pwd | sed 's|.*/||'
