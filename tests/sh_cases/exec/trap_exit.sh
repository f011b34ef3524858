trap 'echo exiting $?' EXIT
echo body
exit 3
