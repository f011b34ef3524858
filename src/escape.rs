//! Backslash escapes shared by `echo`, `printf` and the shell.
