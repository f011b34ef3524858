case x in esac
echo st=$?
