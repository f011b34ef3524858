# dash differs, busybox differs: POSIX 2024 ;& (bash and mksh have it too)
case a in
a) echo one ;&
b) echo two ;;
c) echo three ;;
esac
