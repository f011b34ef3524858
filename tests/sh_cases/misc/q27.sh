unset x; : ${x:=init}; echo $x
