eval 'f() { echo evalf; }'; f
