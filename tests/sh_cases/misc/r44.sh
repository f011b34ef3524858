set -u; echo ${#unset_v} 2>&1; echo never
