# A foreground command killed by a signal is reported on stderr with the
# signal's text, as dash and ash do; SIGINT and SIGPIPE are not.
ulimit -c 0
sh -c 'kill -INT $$'; echo "int $?"
yes | head -n 1; echo "pipe $?"
sh -c 'kill -SEGV $$'; echo "segv $?"
sh -c 'kill -USR1 $$' | cat; echo "usr1 $?"
x=$(sh -c 'kill -HUP $$'); echo "cmdsub $?"
(sh -c 'kill -ABRT $$'); echo "subshell $?"
sh -c 'exit 143'; echo "plain $?"
