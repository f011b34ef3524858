alias ll='ls -l'
alias ll
alias x=y
alias x
unalias ll
alias
unalias nosuch 2>/dev/null; echo st=$?
