# ${x:?} without a message: "parameter not set or null" whether x is
# unset or empty; ${x?}: "parameter not set".
e=
(echo ${e:?})
(echo ${u:?})
(echo ${u?})
(echo ${e?})
echo end
