case abc in
  a*) echo starts-a ;;
  *) echo other ;;
esac
case x in (x) echo paren;; esac
case foo in bar|foo) echo alt;; esac
case "" in "") echo empty;; esac
