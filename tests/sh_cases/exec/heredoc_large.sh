i=0
{
  echo 'cat <<EOF'
  while [ $i -lt 2000 ]; do echo "line $i of the body"; i=$((i+1)); done
  echo EOF
} > gen.sh
. ./gen.sh | wc -l
