echo one; . /nonexistent/file; echo never
