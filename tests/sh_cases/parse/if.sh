if true; then echo t; fi
if false; then echo t; else echo e; fi
if false; then echo 1; elif true; then echo 2; else echo 3; fi
if false; then :; fi; echo status=$?
