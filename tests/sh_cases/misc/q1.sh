x=; echo "${x-"a b"}" "${u-"a b"}" ${u-"a  b"} "${u-'q'}"
