{ echo a; echo b; } | tr ab AB
{ echo c
}
