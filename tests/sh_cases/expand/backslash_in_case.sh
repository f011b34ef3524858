case 'a\b' in 'a\b') echo literal;; esac
case 'ab' in a\b) echo escaped;; esac
