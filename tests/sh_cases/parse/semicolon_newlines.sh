echo a;

echo b
