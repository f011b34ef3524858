echo `echo \\\\`; echo `echo '\\'`
