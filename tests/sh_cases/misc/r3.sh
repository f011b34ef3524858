set -e; { false; } || echo caught
