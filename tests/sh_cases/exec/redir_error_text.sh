# A redirection that fails says why in the system's words.
mkdir d
true >d
true <nonexistent
true >nodir/f
echo end
