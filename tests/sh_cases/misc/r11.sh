trap 'echo a' USR1; trap 'echo b' USR2; kill -USR1 $$; kill -USR2 $$; echo done
