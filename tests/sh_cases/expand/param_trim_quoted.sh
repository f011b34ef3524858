x='a*b*c'
echo "${x#"a*"}" ${x#'a*'} ${x%\**}
star='*'
echo ${x#$star} "${x#"$star"}"
