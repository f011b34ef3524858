f() { cat; }; echo piped | f
