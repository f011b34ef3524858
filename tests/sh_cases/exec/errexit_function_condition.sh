set -e
f() { false; echo continues; }
if f; then echo true-branch; fi
