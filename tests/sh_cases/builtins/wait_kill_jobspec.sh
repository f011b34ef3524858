# wait and kill take job specs: %N (numbered from the lowest free number,
# freed when waited for), %% and %+ (the last job); an unknown one is
# "no such job" with status 2. (dash differs: its kill %N fails without
# job control, so the sleep is not killed there.)
(exit 3) & wait %1; echo "j1 $?"
(exit 4) & (exit 5) & wait %2; echo "j2 $?"
(exit 6) & wait %2; echo "j2 again $?"
wait %1; echo "j1 again $?"
(exit 8) & wait %+; echo "plus $?"
(exit 9) & wait %%; echo "cur $?"
sleep 1 & kill %1; wait %1; echo "killed $?"
wait %7; echo "none $?"
kill %7; echo "kill none $?"
