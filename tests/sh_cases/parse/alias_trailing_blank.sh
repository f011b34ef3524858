# An alias whose text ends in a blank makes the next word an alias
# candidate too (nohup-style wrappers); a chain of them works.
alias say='echo ' word=WORD other='two ' two=2
say word
say other two word
say word word
alias e='echo'
e word
