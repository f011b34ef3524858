mkdir bin
printf '#!/bin/sh\necho tool2\n' > bin/tool2
chmod +x bin/tool2
PATH=$PWD/bin:$PATH tool2
