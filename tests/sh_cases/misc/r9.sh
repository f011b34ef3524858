f() { trap 'echo in-trap' EXIT; }; f; echo body
