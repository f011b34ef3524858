command -v sh >/dev/null && echo found-sh
command -v /bin/sh
