# dash differs: dash -i stops at the syntax error; busybox differs: ash prints a banner and prompts on stdout
printf 'echo a\nif\nfi\necho b\n' | sh -i 2>/dev/null
