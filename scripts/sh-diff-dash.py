#!/usr/bin/env python3
"""Differential test of the shell against dash: random small scripts built from
expansions, splitting, quoting, case, loops, functions, pipelines and
here-documents (printf only, so echo dialects do not matter).

    scripts/sh-diff-dash.py SEED COUNT PATH-TO-OUR-SH

Prints the first differing scripts with a diff of their output and
"bad N" at the end. Each script runs in its own temp dir.
"""
import random, subprocess, sys, os, tempfile
R=random.Random(int(sys.argv[1]))
vals=['a','b c','', '  x  y ', '*', 'a:b::c', '1', '42', '-3', 'q"w', "it's", 'a\\b', '$x']
names=['x','y','z','IFS']
def word():
    c=R.randint(0,14)
    if c==0: return "'"+R.choice(vals).replace("'","")+"'"
    if c==1: return '"$'+R.choice(names[:3])+'"'
    if c==2: return '$'+R.choice(names[:3])
    if c==3: return '"${'+R.choice(names[:3])+R.choice([':-','-',':+','+','#','%','##','%%'])+R.choice(['d','a*','*','b',' ','"q r"'])+'}"'
    if c==4: return '${'+R.choice(names[:3])+R.choice([':-','-',':+','+','#','%','##','%%'])+R.choice(['d','a*','*','b',' ','"q r"'])+'}'
    if c==5: return '$(('+R.choice(['1+2','x2*3','7/2','n+1','n<3','n%2?5:6','(n+1)*2'])+'))'
    if c==6: return '"$@"'
    if c==7: return '$*'
    if c==8: return '"$*"'
    if c==9: return '$#'
    if c==10: return '$(printf "%s" '+R.choice(["a", "'b c'", "''"])+')'
    if c==11: return '${#'+R.choice(names[:3])+'}'
    if c==12: return R.choice(['lit','a=b','--','-n'])
    if c==13: return '"pre${'+R.choice(names[:3])+'}post"'
    return '"'+R.choice(vals).replace('"','').replace('$','')+'"'
def cmd(d=0):
    c=R.randint(0,12 if d<2 else 6)
    if c<=2: return 'p '+' '.join(word() for _ in range(R.randint(0,4)))
    if c==3: return R.choice(names)+'='+word()
    if c==4: return 'set -- '+' '.join(word() for _ in range(R.randint(0,3)))
    if c==5: return 'n=$((n+1))'
    if c==6: return R.choice(['true','false',':'])
    if c==7: return 'if '+cmd(d+1)+'; then '+cmd(d+1)+'; else '+cmd(d+1)+'; fi'
    if c==8: return 'for i in '+' '.join(word() for _ in range(R.randint(0,3)))+'; do p "[$i]"; '+cmd(d+1)+'; done'
    if c==9: return 'case '+word()+' in '+R.choice(['a*','*b*','""','?','[ab]*'])+') p case1;; '+R.choice(['*','x'])+') p case2;; esac'
    if c==10: return '{ '+cmd(d+1)+'; '+cmd(d+1)+'; } | { read -r l; p "r:$l"; }'
    if c==11: return 'f '+' '.join(word() for _ in range(R.randint(0,3)))
    c=R.randint(0,9)
    if c==0: return 'k%d=0; while [ $k%d -lt %d ]; do k%d=$((k%d+1)); ' % (d,d,R.randint(0,3),d,d)+cmd(d+1)+'; done'
    if c==1: return 'printf "%s\\n" '+word()+' '+word()+' | while IFS='+R.choice(["", ":", "' '", '"b "'])+' read -r u v; do p "u=$u" "v=$v"; done'
    if c==2: return 'g() { local '+R.choice(names[:3])+'='+word()+'; p "$x" "$#"; return '+str(R.randint(0,3))+'; }; g '+word()+'; p "g=$?" "$x"'
    if c==3: return '[ $# -gt 0 ] && shift; p "sh=$?" "$#"'
    if c==4: return ': ${'+R.choice(names[:3])+R.choice([':=','='])+word()+'}; p "$x$y$z"'
    if c==5: return "eval 'p '"+'"'+R.choice(['$x','"$y"','$#','a b'])+'"'
    if c==6: return 'cat <<EOF\n'+R.choice(['$x','${y}','$(( n + 1 ))','"$z"',"'q'",'\\$x'])+' text\nEOF'
    if c==7: return 'x=$(p '+word()+')'
    if c==8: return 'IFS='+R.choice(["' '", '":"', '""', "'b'"])+'; set -- $y $x; p "$#" "$@"; unset IFS'
    return '( '+cmd(d+1)+' ); p "st=$?"'
def script():
    lines=['p() { printf "<%s>" "$@"; printf "\\n"; }','f() { p "f:$#" "$@"; x=fx; }','n=0; x=a; y="b c"; z=']
    for _ in range(R.randint(3,12)): lines.append(cmd())
    lines.append('p "end $x|$y|$z|$n|$#"')
    return '\n'.join(lines)+'\n'
bad=0
for k in range(int(sys.argv[2])):
    s=script()
    d=tempfile.mkdtemp()
    open(d+'/t.sh','w').write(s)
    open(d+'/ab','w').close(); open(d+'/b1','w').close()
    env={'PATH':'/usr/bin:/bin','LC_ALL':'C','HOME':d}
    try:
        a=subprocess.run(['dash','t.sh'],cwd=d,capture_output=True,env=env,timeout=5)
        b=subprocess.run([sys.argv[3],'t.sh'],cwd=d,capture_output=True,env=env,timeout=5)
    except subprocess.TimeoutExpired:
        print('TIMEOUT', s); continue
    if a.stdout!=b.stdout or a.returncode!=b.returncode:
        bad+=1
        if bad<=4:
            print('=====\n'+s)
            import difflib
            for l in difflib.unified_diff(a.stdout.decode(errors='replace').split('\n'), b.stdout.decode(errors='replace').split('\n'), lineterm='', n=1): print(l)
            print('status', a.returncode, b.returncode, b.stderr[:200])
    subprocess.run(['rm','-rf',d])
print('bad', bad)
