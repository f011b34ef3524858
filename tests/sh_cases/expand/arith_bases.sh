# dash differs: see the .out (ash behaviour)
echo $((0x1f)) $((010)) $((2#101)) $((16#ff)) $((36#z)) $((64#_))
