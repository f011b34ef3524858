# cd with HOME unset, and cd - with OLDPWD unset or empty, stay where they
# are and succeed (dash and ash; `cd -` prints the directory).
mkdir d; cd d
unset HOME; cd; echo "st $? ${PWD##*/}"
unset OLDPWD; cd - >/dev/null; echo "st $? ${PWD##*/}"
OLDPWD=; cd - >/dev/null; echo "st $? ${PWD##*/}"
