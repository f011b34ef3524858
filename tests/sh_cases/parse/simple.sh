echo hello world
echo   spaced    out
