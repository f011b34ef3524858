# dash differs: no source in dash
echo 'echo sourced' > s.sh
source ./s.sh
