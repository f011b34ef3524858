echo $$ > p1; sh -c 'echo $PPID' > p2; cmp -s p1 p2 && echo ppid-match
