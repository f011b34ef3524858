if (exit 1); then echo t; elif (exit 0); then echo e; fi
