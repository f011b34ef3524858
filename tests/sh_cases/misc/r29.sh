type if | head -1
