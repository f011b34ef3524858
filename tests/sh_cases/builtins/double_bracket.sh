# dash differs: no [[ in dash
[[ a = a ]] && echo yes
[[ -n "" ]] || echo empty
