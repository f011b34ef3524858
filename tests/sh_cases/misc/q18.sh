x=abc; echo ${x#} ${x%} "${x#"$x"}"
