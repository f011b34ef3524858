true && echo yes
false && echo no
false || echo or
true || echo no2
false && echo x || echo y
true && false || echo z
