# dash differs: no pipefail in dash 0.5.12
set -o pipefail
false | true; echo $?
true | (exit 3) | true; echo $?
true | true; echo $?
