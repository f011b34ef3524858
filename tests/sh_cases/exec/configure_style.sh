# dash differs: see the .out (ash behaviour)
as_nl='
'
export as_nl
if test "${PATH_SEPARATOR+set}" != set; then PATH_SEPARATOR=:; fi
ac_status=0
(exit $ac_status); echo $?
for ac_var in A B; do eval "ac_env_${ac_var}_set=\${$ac_var+set}"; done
echo "[$ac_env_A_set]"
case `echo "testing\c"; echo 1,2,3`,`echo -n testing; echo 1,2,3` in
  *c*,-n*) echo n ;;
  *c*,*) echo c ;;
  *) echo other ;;
esac
