for c in a 1 -; do case $c in [!0-9]) echo "$c not digit";; *) echo "$c digit";; esac; done
