[ "$PPID" -gt 0 ] && echo ppid-ok
