echo closed >&- 2>/dev/null; echo st=$?
