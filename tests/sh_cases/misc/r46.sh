set -u; : ${unset_v:=v}; echo $unset_v
