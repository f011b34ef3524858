# A bare `exit` in a trap action exits with the status from before the
# trap ran, not that of the action's own last command (POSIX).
sh -c 'trap "false; exit" EXIT; true'; echo "exit trap $?"
sh -c 'trap "false; exit" USR1; (exit 3); kill -USR1 $$; echo not reached'; echo "usr1 trap $?"
sh -c 'trap "exit" EXIT; (exit 4)'; echo "plain $?"
sh -c 'trap "exit 6" EXIT; exit 3'; echo "explicit $?"
