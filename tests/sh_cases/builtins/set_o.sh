set -o | grep -E '^(errexit|noglob) '
set -e
set -o | grep errexit
