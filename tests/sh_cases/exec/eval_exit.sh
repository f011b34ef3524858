eval 'exit 4'
echo never
