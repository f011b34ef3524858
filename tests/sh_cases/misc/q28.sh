{ echo a; false; } && echo no || echo yes
