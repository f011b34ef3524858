set -e; f() { false; echo notreached; }; f; echo never
