# A tilde at the start of the word of ${x-word} (unquoted) and of the
# patterns of ${x#word} is expanded; inside "${x-word}" it is not.
HOME=/h
x=/h/a
echo ${x#~} "${x#~}" ${u-~/x} "${u-~}" ${u=~}
echo "$u"
echo ${u+~} ${w:-a~} ${w:-~:~}
