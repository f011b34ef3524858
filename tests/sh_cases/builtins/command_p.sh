command -p ls /dev/null
