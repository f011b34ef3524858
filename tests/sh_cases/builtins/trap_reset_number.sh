trap 'echo caught' USR1
trap - USR1
trap
echo end
