mkdir real
ln -s real link
cd link
pwd | sed 's|.*/||'
pwd -P | sed 's|.*/||'
cd -P ../link
pwd | sed 's|.*/||'
