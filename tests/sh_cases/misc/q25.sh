case "a b" in "a b") echo spaced;; esac; case a in [[:alpha:]]) echo cls;; esac; case '[' in \[) echo br;; esac
