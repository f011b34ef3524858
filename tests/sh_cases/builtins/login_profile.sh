# A login shell (-l, or $0 starting with -) reads $HOME/.profile (after
# /etc/profile); other shells do not.
echo 'echo profile; p=set' >.profile
HOME=$PWD sh -l -c 'echo "p=$p"' | grep -v '^$' | tail -2
HOME=$PWD sh -c 'echo "p=$p"'
