x=1 f() { :; }; echo ok
