#!/usr/bin/env python3
"""Differential runs: random patterns through GNU grep or sed and oxbox on
the same text, in the C and C.UTF-8 locales; prints each case whose output
or exit status differs. Run from an empty directory (it writes `t`).

    scripts/diff-gnu.py grep SEED OXBOX [RUNS]
    scripts/diff-gnu.py sed SEED OXBOX [RUNS]

OXBOX is the binary (a debug or release build, with or without
fast-regex). Known differences are listed in the last closing note.
"""
import random
import subprocess
import sys


def grep_runs(seed, B, N):
    random.seed(seed)
    lines=[]
    words=['hello','héllo','wörld','abc','a.b','foo bar','x','é','ab ab','  ','-','ba','llo','hallo',"l'lo",'12','ñu']
    for i in range(300):
        lines.append(' '.join(random.choice(words) for _ in range(random.randint(0,5))))
    open('t','w').write('\n'.join(lines)+'\n')
    toks=['^','*','a','b','l','lo','llo','h','é','ö','.','.*','[ab]','[^a]','x','\\(a\\)','\\1','\\b','\\<','\\>','^','$',' ','o','hel','wör','\\w','[[:alpha:]]','*','\\+','\\?','ll','e.l']
    bad=0
    for n in range(N):
        p=''.join(random.choice(toks) for _ in range(random.randint(1,4)))
        opts=random.choice([['-c'],['-o'],['-vc'],['-wc'],['-xc'],['-n'],['-ic'],['-io'],['-ob']])
        loc=random.choice(['C','C.UTF-8'])
        env={'LC_ALL':loc,'PATH':'/usr/bin:/bin'}
        g=subprocess.run(['grep']+opts+['--',p,'t'],capture_output=True,env=env)
        o=subprocess.run([B,'grep']+opts+['--',p,'t'],capture_output=True,env=env)
        if g.returncode==2 or (g.stdout,g.returncode)!=(o.stdout,o.returncode):
            if g.returncode==2 and o.returncode==2: continue
            if g.stderr and b'warning' in g.stderr and g.stdout==o.stdout: continue
            bad+=1
            print('DIFF',loc,opts,repr(p),g.returncode,o.returncode,g.stdout[:80],o.stdout[:80],g.stderr[:80],o.stderr[:80])
    print('bad',bad)


def sed_runs(seed, B, N):
    if not __import__('os').path.exists('t'):
        grep_runs(seed, B, 0)
    random.seed(seed)
    toks=['a','b','l','lo','h','é','.','.*','[ab]','[^a]','x','\\b','\\<','\\>','\\B','\\(a\\)','\\(.\\)','\\1','^','$',' ','o','\\w','[[:alpha:]]','*','\\+','\\?','\\{2\\}','\\n','\\|']
    bad=0
    for n in range(N):
        p=''.join(random.choice(toks) for _ in range(random.randint(1,4)))
        if '/' in p: continue
        rep=random.choice(['X','[&]','<\\1>','\\U&','']); fl=random.choice(['','g','2','gI'])
        ext=random.choice([[],['-E']])
        if ext: p=p.replace('\\(','(').replace('\\)',')').replace('\\{','{').replace('\\}','}').replace('\\+','+').replace('\\?','?').replace('\\|','|')
        scr=random.choice(['','N;','$!N;'])+'s/'+p+'/'+rep+'/'+fl
        loc=random.choice(['C','C.UTF-8'])
        env={'LC_ALL':loc,'PATH':'/usr/bin:/bin'}
        g=subprocess.run(['sed']+ext+[scr,'t'],capture_output=True,env=env)
        o=subprocess.run([B,'sed']+ext+[scr,'t'],capture_output=True,env=env)
        if (g.stdout,g.returncode)!=(o.stdout,o.returncode):
            bad+=1; print('DIFF',loc,ext,repr(scr),g.returncode,o.returncode,g.stdout[:60],o.stdout[:60],g.stderr[:90],o.stderr[:90])
    print('bad',bad)


if __name__ == "__main__":
    if len(sys.argv) < 4 or sys.argv[1] not in ("grep", "sed"):
        sys.exit(__doc__)
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 300
    (grep_runs if sys.argv[1] == "grep" else sed_runs)(int(sys.argv[2]), sys.argv[3], runs)
