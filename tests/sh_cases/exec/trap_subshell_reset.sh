trap 'echo parent trap' EXIT
(echo in sub)
( trap 'echo sub trap' EXIT; echo sub2 )
