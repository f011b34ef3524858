set -u; echo "$@" "$*" ok
