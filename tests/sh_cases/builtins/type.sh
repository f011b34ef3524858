# dash differs: see the .out (ash behaviour)
type cd
f() { :; }
type f
type nosuch_cmd 2>/dev/null; echo st=$?
