# With HOME unset a lone ~ stays as it is; with HOME empty it gives no
# field of its own.
unset HOME
echo ~ ~/a
HOME=
echo ~ "[$(echo ~)]" ~/a
x=~; echo "[$x]"
