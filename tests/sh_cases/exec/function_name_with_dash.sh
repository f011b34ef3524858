my-func() { echo dashed; }
my-func
