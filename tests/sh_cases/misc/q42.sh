f() { echo $0; }; f | sed 's|.*/||'
