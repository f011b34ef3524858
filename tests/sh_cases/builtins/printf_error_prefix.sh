# The printf builtin's errors carry the shell's prefix and line, as its
# other builtins' do (busybox differs: its printf errors name only ash;
# dash differs in wording). The output and status are the references'.
printf '%d|' 12 abc 7
echo " st=$?"
