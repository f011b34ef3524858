p='a*'; case abc in $p) echo var-pat;; esac; case 'a*' in "$p") echo quoted-pat;; esac
