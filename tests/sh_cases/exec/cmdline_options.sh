# dash differs: see the .out (ash behaviour)
sh -e -c 'false; echo never'; echo "e: $?"
sh -o pipefail -c 'false | true'; echo "pipefail: $?"
sh +e -c 'false; echo continues'
sh -u -c 'echo $nosuch' 2>/dev/null; echo "u: $?"
sh -f -c 'echo *'
sh -c 'echo $-' | grep -c c
