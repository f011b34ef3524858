alias ll='echo listing' say='echo say:'
ll
ll arg
say hello
alias ls='ls -d'
ls /
alias a1='a2 x' a2='echo a2'
a1 y
f() { ll in-func; }
f
