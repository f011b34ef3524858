set -e
(exit 42)
