# busybox differs: ash complains about the missing number
printf '%s|%s|%d\n' only
