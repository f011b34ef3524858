echo "[$(printf '')]"; echo "[`true`]"
