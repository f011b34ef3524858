# dash differs: no `function` keyword in dash
function h { echo h $#; }
h a b
function k() { echo k; }
k
