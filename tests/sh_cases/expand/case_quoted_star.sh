case 'x' in "*") echo no;; *) echo yes;; esac
