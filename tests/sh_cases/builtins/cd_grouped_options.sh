# cd takes -L and -P grouped (-PL, -LP); the last one wins.
mkdir -p real/dev dev
ln -s real/dev link
cd -P -L -PL link/. && echo "${PWD##*/} $(pwd -P | sed 's#.*/\(.*/.*\)#\1#')"
cd ..
cd -L -LP link && echo "${PWD##*/} $(pwd | sed 's#.*/\(.*/.*\)#\1#')"
