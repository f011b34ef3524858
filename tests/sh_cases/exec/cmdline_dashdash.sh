printf 'echo "script $1"\n' > s.sh
sh -- s.sh arg
