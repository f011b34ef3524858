ls /nonexistent 2>&1 >/dev/null | sed 's/.*/err-on-pipe/'
