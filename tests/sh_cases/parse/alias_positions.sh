# Aliases in every position POSIX allows: after assignments and redirections,
# standing for reserved words, ! and blanks, here-documents, recursion,
# reuse of alias output.
alias a='echo ABC'
alias a='printf %s\\n \"['\\\'{'\\'}\\\'']\"'
save="$(alias a)"; unalias a; eval alias "$save"; a
alias a='echo ABC'
alias b=b c=c e='echo OK'
alias >save_alias_1
unalias -a
IFS='
'
eval alias $(cat save_alias_1)
unset IFS
alias >save_alias_2
diff save_alias_1 save_alias_2 && echo same
alias s=sh
a=A s -c 'echo $a'
alias e=echo
>/dev/null e not_printed
alias c=cat
! a | c | c
alias begin={ end=}
if true; then begin a; end; fi
alias b=" "
b if true; then echo ok; fi
(
echo ok2 | b
cat
) </dev/null
alias a='a=A'
a b=B sh -c 'echo $a $b'
alias r='>/dev/null'
r echo not_printed; echo ok3
alias c='cat <<\END' d='c
here-document
END'
d
alias e='! echo'
if e if; then echo then; else echo else; fi
alias l='(' r=')'
a=A
l echo subshell; a=B; r
echo $a
alias i='if echo' t='then echo' ei='elif echo' es='else echo' f='fi </dev/null'
i if; then echo then1; elif echo elif; then echo then2; else echo else; fi
if echo if; t then1; elif echo elif; then echo then2; else echo else; fi
if false; then echo then1; ei elif; then echo then2; else echo else; fi
if false; then echo then1; elif false; then echo then2; es else; fi
if false; then echo then1; elif false; then echo then2; else echo else; f
alias w='while :' u='until :' d='do echo' dn='done | cat -'
w X; true; d while; break; dn
u X; false; d until; break; dn
alias f='for i in 1 2
do'
f echo $i; done
alias c='case a in a) :' e='esac </dev/null | cat -'
c X; echo A; e
alias s=';;'
case a in
    (b) s
    (a) echo A
esac
alias def='f()' f='func'
def
{ echo f; }
func
alias 3=:
3>/dev/null echo \>
alias e=' echo'
e A
alias c=cat e='echo '
e c c cat
alias c='cat '
e c c cat
alias eeee=echo
ee\
e\
e ok
alias Aa0_!%,@=echo
Aa0_!%,@ ok
alias echo='echo % ' e='echo echo'
e !
unalias echo
alias e=:
func() {
    alias e=echo
    echo "$(e ok)"
}
func
alias r=">/dev/null" e2=echo
>/dev/null r e2 hidden
x=1 r e2 hidden2
2>&1 e2 shown
