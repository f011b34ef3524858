# cd rejects an option other than -L/-P with status 2, as dash and ash do
# (cscope-indexer -h runs `cd -h`); - and -- still work.
mkdir d
cd -h; echo "st $?"
cd -LX; echo "st $?"
cd -- d && cd - >/dev/null; echo "st $?"
