# busybox differs: ash 1.35 drops the rest of an unknown ~user word
HOME=/h
echo ~/a ~nonexistentuser/b
