set -C
set +o | grep noclobber
