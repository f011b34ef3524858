printf 'echo file "$0" "$@"\n' > f.sh
sh f.sh x y
