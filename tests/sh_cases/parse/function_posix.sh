f() { echo "f $1"; }
f one
g()
{
  echo g
}
g
