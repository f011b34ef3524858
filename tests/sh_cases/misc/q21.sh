true; (exit 4) || echo "st=$?"
