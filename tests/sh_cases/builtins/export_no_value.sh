export NEWVAR
sh -c 'echo "[${NEWVAR-unset}]"'
NEWVAR=now
sh -c 'echo "[${NEWVAR-unset}]"'
