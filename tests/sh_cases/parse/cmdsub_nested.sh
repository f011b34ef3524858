echo $(echo $(echo $(echo deep)))
echo `echo \`echo bq\``
echo "$(echo "in dq $(echo nest)")"
