# getopts without enough operands, or with a bad variable name: a usage
# message and status 2; the script goes on.
getopts; echo "st $?"
getopts a; echo "st $?"
set -- -a; getopts a 1bad; echo "st $?"
