set -e; false | true; echo piped-ok
