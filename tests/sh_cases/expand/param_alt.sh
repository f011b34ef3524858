unset u; e=; x=v
echo "[${u+alt}]" "[${e+alt}]" "[${e:+alt}]" "[${x:+alt}]"
