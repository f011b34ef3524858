case esac in (esac) echo matched;; esac
