# [[ s == pattern ]] and != match the right side as a pattern (ash).
# (dash differs: no [[)
[[ abc == a?c ]] && echo match1
[[ abc == b* ]] || echo nomatch
[[ abc != *c ]] || echo match2
[[ abc = abc ]] && echo equal
[[ -n x ]] && echo nonempty
