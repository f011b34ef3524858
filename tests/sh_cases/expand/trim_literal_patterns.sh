# Trims by literal, *LIT and LIT* patterns (searched, not matched one by
# one) against the general matcher's answers.
v=/usr/local/lib/libfoo.so.1.2.3
for r in "${v#*/}" "${v##*/}" "${v%/*}" "${v%%/*}" "${v%.*}" "${v%%.*}" "${v#*.}" "${v##*.}" \
	"${v#/usr}" "${v%.3}" "${v#usr}" "${v%2}" "${v#*lib}" "${v##*lib}" "${v%lib*}" "${v%%lib*}" \
	"${v#*nomatch}" "${v%nomatch*}" "${v#}" "${v%}" "${v#*}" "${v##*}" "${v%*}" "${v%%*}" \
	"${v#"*"/}" "${v#*"/"}" "${v%.[0-9]}" "${v#\/usr}" "${v%%.so*}" "${v##*so}"; do
	printf '[%s]\n' "$r"
done
e=
printf '[%s]\n' "${e#*/}" "${e%/*}" "${e##x}"
s='a*b*c'
printf '[%s]\n' "${s#*\*}" "${s##*\*}" "${s%\**}" "${s%%\**}" "${s#a*}" "${s%*c}"
u='héllo.wörld.txt'
printf '[%s]\n' "${u%.*}" "${u##*.}" "${u#*l}" "${u%ö*}"
