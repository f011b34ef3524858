a=b; b=c; eval echo \$$a; eval "echo \${$a}"
