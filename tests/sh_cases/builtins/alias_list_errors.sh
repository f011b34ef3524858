# alias with no operands lists in the order of the shells' alias table
# (dash and ash hash buckets, then definition order); a redefinition
# keeps its place. Unknown names: "alias: NAME not found", status 1.
alias ll=1 la=2 zz=3 abc=4 x=5 ls=6 grep=7 l=8
alias ll=9
alias
alias zz la
alias nope; echo "st $?"
unalias nope; echo "st $?"
