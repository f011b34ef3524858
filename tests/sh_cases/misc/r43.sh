: $((y=9)); echo $y
