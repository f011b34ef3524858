(echo in; x=1); echo "x=$x"
( (echo nested) )
