if
  false
then
  echo no
elif
  true
then
  echo yes
fi
