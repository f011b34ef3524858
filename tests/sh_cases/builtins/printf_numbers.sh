printf '%05d|%-4d|%+d\n' 42 7 3
printf '%.2f %e\n' 3.14159 1000
printf '%d\n' 0x10 010 "'A"
