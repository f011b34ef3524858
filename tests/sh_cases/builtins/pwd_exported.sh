# The shell sets PWD at start-up and exports it (dash, ash).
unset PWD
cd /tmp && env -u PWD sh -c 'export -p | grep " PWD="'
