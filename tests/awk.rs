//! awk: the language, arrays, functions, I/O, builtins, options, errors.
//! Expected outputs were checked against gawk 5.2 (`gawk --posix` where it
//! matters) and BusyBox awk; where they differ the choice is noted.

use crate::common::*;

/// Runs `awk ARGS` with `input` and checks stdout and a clean exit.
#[track_caller]
fn t(args: &[&str], input: &str, expected: &str) {
    cmd("awk").args(args).stdin(input).run().ok().out(expected);
}

#[test]
fn patterns_and_ranges() {
    t(
        &[r#"$1 > 5"#],
        r#"3
10
7
abc
"#,
        r#"10
7
abc
"#,
    );
    t(
        &[r#"/b/,/d/"#],
        r#"a
b
c
d
e
b
"#,
        r#"b
c
d
b
"#,
    );
    t(
        &[r#"NR==2,NR==3 {print NR": "$0}"#],
        r#"a
b
c
d
"#,
        r#"2: b
3: c
"#,
    );
    t(
        &[r#"/x/,/x/ {print "r", $0}"#],
        r#"a
x
b
x
"#,
        r#"r x
r x
"#,
    );
    t(
        &[r#"NR % 2"#],
        r#"1
2
3
4
"#,
        r#"1
3
"#,
    );
    t(
        &[r#"!/a/"#],
        r#"a
b
ab
c
"#,
        r#"b
c
"#,
    );
    t(
        &[r#"/a/ && /b/ || /z/"#],
        r#"a
ab
z
b
"#,
        r#"ab
z
"#,
    );
    t(
        &[r#"BEGIN { print "b" } END { print "e", NR } { print }"#],
        r#"x
y
"#,
        r#"b
x
y
e 2
"#,
    );
    t(
        &[r#"BEGIN { x = 1 } BEGIN { print x + 1 }"#],
        r#""#,
        r#"2
"#,
    );
    t(
        &[r#"END { print $0, NF }"#],
        r#"a b
c d e
"#,
        r#"c d e 3
"#,
    );
    t(
        &[r#"/a/ { print "m" } ; /c/"#],
        r#"a:b
c:d
"#,
        r#"m
c:d
"#,
    );
    t(
        &[r#"$0 ~ "^[0-9]+$""#],
        r#"12
x1
3
"#,
        r#"12
3
"#,
    );
}

#[test]
fn operators() {
    t(
        &[r#"BEGIN{print 1 " " -1; print -2^2, 2^3^2, 2**3, 2^-1; x="3x"; print x+0}"#],
        r#""#,
        r#"1-1
-4 512 8 0.5
3
"#,
    );
    t(
        &[
            r#"BEGIN { x = 5; x += 2; x -= 1; x *= 3; x /= 2; x %= 5; x ^= 2; print x; y = 2; y **= 3; print y }"#,
        ],
        r#""#,
        r#"16
8
"#,
    );
    t(
        &[r#"BEGIN { print 7 % 3, -7 % 3, 5.5 % 2, 2 ^ 0.5 }"#],
        r#""#,
        r#"1 -1 1.5 1.41421
"#,
    );
    t(
        &[r#"BEGIN { print 1 - - 1, 1 - -1, 2 - 1 - 1, !x++, x }"#],
        r#""#,
        r#"2 2 0 1 1
"#,
    );
    t(
        &[r#"BEGIN { x = 1; x++; ++x; print x++, x, x--, --x }"#],
        r#""#,
        r#"3 4 4 2
"#,
    );
    t(
        &[r#"BEGIN { a = 5; print a++ + ++a, a }"#],
        r#""#,
        r#"12 7
"#,
    );
    t(
        &[
            r#"BEGIN { print 1 == 1, 1 < 2, 2 <= 1, 3 != 3, 2 >= 2, "abc" ~ /b/, "abc" !~ /b/, !0, !"", !"a" }"#,
        ],
        r#""#,
        r#"1 1 0 0 1 1 0 1 1 0
"#,
    );
    t(
        &[r#"BEGIN { print (1>2) ? "a" : "b"; print 1 ? 2 ? "x" : "y" : "z" }"#],
        r#""#,
        r#"b
x
"#,
    );
    t(
        &[r#"BEGIN { x = y = 3; print x, y }"#],
        r#""#,
        r#"3 3
"#,
    );
    t(
        &[r#"BEGIN { print 1 (2) (3), 1 - 1 "x", 2 " " 3 * 4 }"#],
        r#""#,
        r#"123 0x 2 12
"#,
    );
    t(
        &[r#"BEGIN { print 1 < 2 }"#],
        r#""#,
        r#"1
"#,
    );
    t(
        &[
            r#"BEGIN { a["x"]; if ("x" in a) print "in"; if (!("y" in a)) print "out"; print ("x" in a) + 1 }"#,
        ],
        r#""#,
        r#"in
out
2
"#,
    );
    t(
        &[r#"BEGIN { print 0 || "", 1 && "a", "" || 0 }"#],
        r#""#,
        r#"0 1 0
"#,
    );
    t(
        &[
            r#"BEGIN { r = "^[0-9]+$"; print ("123" ~ r), ("12a" ~ r); x = "b+"; print "abbb" ~ x }"#,
        ],
        r#""#,
        r#"1 0
1
"#,
    );
    t(
        &[r#"BEGIN { print -"3", +"4a", - - 2 }"#],
        r#""#,
        r#"-3 4 2
"#,
    );
}

#[test]
fn numbers_and_strings() {
    t(
        &[
            r#"BEGIN{print 1e30, 2^53, 0.1+0.2, 1/3, 100000000000000000000, 1e6, 1e-5, 123456789012, 3/2, -0}"#,
        ],
        r#""#,
        r#"1000000000000000019884624838656 9007199254740992 0.3 0.333333 100000000000000000000 1000000 1e-05 123456789012 1.5 0
"#,
    );
    t(
        &[r#"BEGIN{x; print length(x), x+0, x==0, x==""}"#],
        r#""#,
        r#"0 0 1 1
"#,
    );
    t(
        &[r#"$1 == "10""#],
        r#"10
10.0
"#,
        r#"10
"#,
    );
    t(
        &[r#"$1 == 10"#],
        r#"10
10.0
1e1
 ten
"#,
        r#"10
10.0
1e1
"#,
    );
    t(
        &[r#"{ print ($1 == 1) }"#],
        r#"1.0
+1
 1 
0x1
"#,
        r#"1
1
1
0
"#,
    );
    t(
        &[r#"{ print ($1 < $2) }"#],
        r#"10 9
abc abd
2 10
"#,
        r#"0
1
1
"#,
    );
    t(
        &[r#"BEGIN { a = "10"; b = 9; print (a < b), ("10" < "9"), (a+0 < b) }"#],
        r#""#,
        r#"1 1 0
"#,
    );
    t(
        &[
            r#"BEGIN { CONVFMT = "%.2f"; a = 3.14159; b = a ""; print b; OFMT = "%.3f"; print a, 10, a "" }"#,
        ],
        r#""#,
        r#"3.14
3.142 10 3.14
"#,
    );
    t(
        &[r#"BEGIN { CONVFMT="%d"; a[12.7]=1; for (k in a) print k }"#],
        r#""#,
        r#"12
"#,
    );
    t(
        &[
            r#"BEGIN { print length(12345), length(1/4), int("3abc"), int(""), int(" 12 "), "1e3" + 0, ".5" + 0, "+5" + 1 }"#,
        ],
        r#""#,
        r#"5 4 3 0 12 1000 0.5 6
"#,
    );
    t(
        &[r#"BEGIN { print 1e300 * 1e300, -1e300 * 1e300 }"#],
        r#""#,
        r#"+inf -inf
"#,
    );
    t(
        // Octal and hex constants in the program as gawk and BusyBox read
        // them (POSIX has decimal only); strings are decimal.
        &[r#"BEGIN { print 010 + 0, "010" + 0, 0x10 }"#],
        r#""#,
        r#"8 10 16
"#,
    );
    t(
        &[
            r#"BEGIN { a[01] = 1; a[0.1] = 1; n = 0; for (k in a) n++; print n, (1 in a), ("0.1" in a) }"#,
        ],
        r#""#,
        r#"2 1 1
"#,
    );
    t(
        &[r#"BEGIN { x = 1; x = x ""; print x + 1, length(x 1) }"#],
        r#""#,
        r#"2 2
"#,
    );
}

#[test]
fn getline_forms() {
    t(
        &[r#"NR==1 { getline; print "got", $0, NR, FNR } END { print NR }"#],
        r#"a
b
c
"#,
        r#"got b 2 2
3
"#,
    );
    t(
        &[r#"NR==1 { getline v; print "v", v, $0, NR } END { print NR }"#],
        r#"a
b
c
"#,
        r#"v b a 2
3
"#,
    );
    t(
        &[r#"BEGIN { getline; print "first:", $0, NF; getline x; print "second:", x, NR }"#],
        r#"1 2
3
"#,
        r#"first: 1 2 2
second: 3 2
"#,
    );
    t(
        &[
            r#"BEGIN { "echo hi" | getline x; print x, NR; close("echo hi"); "echo hi there" | getline; print $2, NF, NR }"#,
        ],
        r#""#,
        r#"hi 0
there 2 0
"#,
    );
    t(
        &[r#"BEGIN { while (("printf \"1\\n2\\n\"" | getline line) > 0) s += line; print s }"#],
        r#""#,
        r#"3
"#,
    );
    t(
        &[
            r#"BEGIN { while ((getline line < "/nonexistent") > 0) n++; print (getline line < "/nonexistent"), n + 0 }"#,
        ],
        r#""#,
        r#"-1 0
"#,
    );
    t(
        &[r#"{ while ((getline l) > 0) n++; print n, l, NR }"#],
        r#"a
b
c
"#,
        r#"2 c 3
"#,
    );
    t(
        &[r#"BEGIN { while ("echo a b" | getline) print $2 }"#],
        r#""#,
        r#"b
"#,
    );
    t(
        &[r#"BEGIN { "date +%Y" | getline y; print (y > 2000) }"#],
        r#""#,
        r#"1
"#,
    );
}

#[test]
fn syntax_rules() {
    t(
        &[r#"
BEGIN {
  x = 1 +\
  2
  print x   # comment
  if (x)
    print "yes"
  else
    print "no"
  y = "a" \
  "b"; print y
}
"#],
        r#""#,
        r#"3
yes
ab
"#,
    );
    t(
        &[r#"BEGIN { print 1,
  2 }"#],
        r#""#,
        r#"1 2
"#,
    );
    t(
        &[r#"BEGIN { a = 1 ; b = 2 ;; print a b }"#],
        r#""#,
        r#"12
"#,
    );
    t(
        &[r#"function f(x) { return x * 2 }
BEGIN { print f(3) }"#],
        r#""#,
        r#"6
"#,
    );
    t(
        &[r#"func f(x) { return x * 2 } BEGIN { print f(3) }"#],
        r#""#,
        r#"6
"#,
    );
    t(
        &[r#"BEGIN { if (1) print "a"; else print "b" }"#],
        r#""#,
        r#"a
"#,
    );
    t(
        &[r#"BEGIN { if (0) { print "a" } else if (1) { print "b" } else print "c" }"#],
        r#""#,
        r#"b
"#,
    );
    t(
        &[r#"BEGIN { for (i = 0; i < 3; i++) ; print i }"#],
        r#""#,
        r#"3
"#,
    );
    t(
        &[
            r#"BEGIN { while (i < 3) { i++; if (i == 2) continue; print i }; do { j++ } while (j < 5); print j; for (;;) { k++; if (k > 3) break }; print k }"#,
        ],
        r#""#,
        r#"1
3
5
4
"#,
    );
    t(
        &[r#"BEGIN { a = 1; { a = 2 }; print a }"#],
        r#""#,
        r#"2
"#,
    );
    t(
        &[r#"BEGIN {
  x = 1 &&
  0
  print x || 
  1
}"#],
        r#""#,
        r#"1
"#,
    );
    t(
        &[r#"BEGIN { print (1,
 2) > "/dev/stdout" }"#],
        r#""#,
        r#"1 2
"#,
    );
    t(
        &[r#"# only a comment
BEGIN { print "c" } # trailing"#],
        r#""#,
        r#"c
"#,
    );
    t(
        &[r#"BEGIN { print "a" } ; END { print "z" }"#],
        r#""#,
        r#"a
z
"#,
    );
    t(
        &[r#"BEGIN{printf("%s-%s\n", "a", "b"); print("a", "b"); print (1)(2)}"#],
        r#""#,
        r#"a-b
a b
12
"#,
    );
    t(
        &[r#"BEGIN { print > "/dev/stdout" }"#],
        r#""#,
        r#"
"#,
    );
    t(
        &[r#"BEGIN { x = "A"; print x ~ "a", x ~ /A/, /=/ ~ 1 }"#],
        r#""#,
        r#"0 1 0
"#,
    );
    t(
        &[r#"BEGIN { a = 4 / 2; b = 6; b /= 3; print a, b }"#],
        r#""#,
        r#"2 2
"#,
    );
    t(
        &[r#"{ print $1/2 }"#],
        r#"8
"#,
        r#"4
"#,
    );
}

#[test]
fn fields() {
    t(
        &[r#"{ $2 = "X"; print; print NF }"#],
        r#"a b c
"#,
        r#"a X c
3
"#,
    );
    t(
        &[r#"{ NF = 2; print; NF = 4; print; print NF }"#],
        r#"a b c d
"#,
        r#"a b
a b  
4
"#,
    );
    t(
        &[r#"{ $5 = "e"; print; print NF }"#],
        r#"a b
"#,
        r#"a b   e
5
"#,
    );
    t(
        &[r#"BEGIN { OFS="-" } { $1=$1; print; print $0 }"#],
        r#"a b c
"#,
        r#"a-b-c
a-b-c
"#,
    );
    t(
        &[r#"BEGIN { $0 = "a b c"; print NF, $2; $3 = ""; print NF "|" $0 "|" }"#],
        r#""#,
        r#"3 b
3|a b |
"#,
    );
    t(
        &[r#"{ print NF }"#],
        r#" 

 a 
"#,
        r#"0
0
1
"#,
    );
    t(
        &[r#"{ print $NF, $(NF-1), $(1+1) }"#],
        r#"a b c
"#,
        r#"c b b
"#,
    );
    t(
        &[r#"{ $0 = "new rec"; print $1, NF }"#],
        r#"old
"#,
        r#"new 2
"#,
    );
    t(
        &[r#"BEGIN { $3 = "c"; print NF, "[" $0 "]" }"#],
        r#""#,
        r#"3 [  c]
"#,
    );
    t(
        &[r#"BEGIN { $0 = "  a   b  "; print NF; $1 = $1; print "[" $0 "]" }"#],
        r#""#,
        r#"2
[a b]
"#,
    );
    t(
        &[r#"{ i = 1; print $i++, i; print $++i }"#],
        r#"a b c
"#,
        r#"0 1
b
"#,
    );
    t(
        &[r#"{ FS = ":"; print $1 } "#],
        r#"a:b c
d:e f
"#,
        r#"a:b
d
"#,
    );
    t(
        &[r#"{ $3 = "x"; NF = 2; print }"#],
        r#"a b c d
"#,
        r#"a b
"#,
    );
}

#[test]
fn field_separators() {
    t(
        &[r#"BEGIN { FS = "," } { print $2 }"#],
        r#"a,b,c
"#,
        r#"b
"#,
    );
    t(
        &[r#"BEGIN { FS = "[0-9]" } { print $2, NF }"#],
        r#"a1b2c
"#,
        r#"b 3
"#,
    );
    t(
        &[r#"BEGIN { FS = "\t" } { print $2 }"#],
        r#"a b	c d
"#,
        r#"c d
"#,
    );
    t(
        &[r#"BEGIN { FS = "|" } { print $2 }"#],
        r#"a|b|c
"#,
        r#"b
"#,
    );
    t(
        &[r#"BEGIN { FS = "." } { print $2 }"#],
        r#"a.b.c
"#,
        r#"b
"#,
    );
    t(
        &[r#"BEGIN { FS = "" } { print $2, NF }"#],
        r#"abc
"#,
        r#"b 3
"#,
    );
    t(
        &[r#"BEGIN { FS = ",+" } { print $2, NF }"#],
        r#"a,,b,c
"#,
        r#"b 3
"#,
    );
    t(
        &[r#"BEGIN { FS = "[ ]" } { print NF; print $2 }"#],
        r#"a  b
"#,
        r#"3

"#,
    );
    t(
        &[r#"BEGIN { FS = ":" } { print NF }"#],
        r#"
a:
:
"#,
        r#"0
2
2
"#,
    );
    t(
        &[r#"BEGIN { RS = "" } { print NR": "$1"|"$NF"|"NF }"#],
        r#"

a b
c


d e
f

"#,
        r#"1: a|c|3
2: d|f|3
"#,
    );
    t(
        &[r#"BEGIN { RS = "" ; FS = ":" } { print NF ": " $2 }"#],
        r#"a:b
c:d

e
"#,
        r#"4: b
1: 
"#,
    );
    t(
        &[r#"BEGIN { RS = ";" } { print NR, $0 }"#],
        r#"a;b;c"#,
        r#"1 a
2 b
3 c
"#,
    );
    t(
        &[r#"BEGIN { RS = "[0-9]+" } { print NR, $0, RT }"#],
        r#"a1b22c"#,
        r#"1 a 1
2 b 22
3 c 
"#,
    );
    t(
        &[r#"BEGIN { RS = "\n\n+" } { print NR "[" $0 "]" }"#],
        r#"a


b
"#,
        r#"1[a]
2[b
]
"#,
    );
    t(
        &[r#"BEGIN { RS = "x" } END { print NR }"#],
        r#"axbx"#,
        r#"2
"#,
    );
    t(
        &[r#"BEGIN { RS = "" } { print NR ":" $0 "|" RT "|" }"#],
        r#"a



b
"#,
        r#"1:a|



|
2:b|
|
"#,
    );
}

#[test]
fn arrays() {
    t(
        &[r#"{c[$1]++} END{for(k in c) n++; print n, c["a"]}"#],
        r#"a
b
a
"#,
        r#"2 2
"#,
    );
    t(
        &[
            r#"BEGIN{a["x"]=1; delete a["x"]; print length(a); a[1,2]=3; for (k in a) { split(k, p, SUBSEP); print p[1], p[2] }; if ((1,2) in a) print "yes"; if (!((2,1) in a)) print "no"}"#,
        ],
        r#""#,
        r#"0
1 2
yes
no
"#,
    );
    t(
        &[r#"BEGIN { a["x"]=1; a["y"]=2; delete a; print length(a); a["z"]; print length(a) }"#],
        r#""#,
        r#"0
1
"#,
    );
    t(
        &[r#"BEGIN { SUBSEP = ":"; a[1,2]; for (k in a) print k }"#],
        r#""#,
        r#"1:2
"#,
    );
    t(
        &[r#"{ a[NR] = $0 } END { for (i = NR; i > 0; i--) print a[i] }"#],
        r#"1
2
3"#,
        r#"3
2
1
"#,
    );
    t(
        &[
            r#"BEGIN { n = split("a b c", arr); delete arr[2]; for (i = 1; i <= n; i++) print i, (i in arr) }"#,
        ],
        r#""#,
        r#"1 1
2 0
3 1
"#,
    );
    t(
        &[r#"BEGIN { x["a"] = 1; delete x["b"]; if (x["c"] == "") print length(x) }"#],
        r#""#,
        r#"2
"#,
    );
    t(
        &[r#"BEGIN { a[1]; a[2]; a[3]; for (k in a) delete a[k]; print length(a) }"#],
        r#""#,
        r#"0
"#,
    );
    t(
        &[r#"BEGIN { a["1"] = 1; print (1 in a), ("1" in a), (1.0 in a) }"#],
        r#""#,
        r#"1 1 1
"#,
    );
}

#[test]
fn functions() {
    t(
        &[r#"function f(n) { return n<=1 ? 1 : n*f(n-1) } BEGIN { print f(10) }"#],
        r#""#,
        r#"3628800
"#,
    );
    t(
        &[r#"function fib(n) { return n < 2 ? n : fib(n-1) + fib(n-2) } BEGIN { print fib(20) }"#],
        r#""#,
        r#"6765
"#,
    );
    t(
        &[r#"function g(a) { a["k"]=5 } BEGIN { g(arr); print arr["k"] }"#],
        r#""#,
        r#"5
"#,
    );
    t(
        &[r#"function h(a,  i) { i = 7; return i } BEGIN { i = 1; print h(), i }"#],
        r#""#,
        r#"7 1
"#,
    );
    t(
        &[
            r#"function f(arr, k) { arr[k] = k * 2 } BEGIN { for (i = 0; i < 3; i++) f(A, i); for (i = 0; i < 3; i++) print A[i] }"#,
        ],
        r#""#,
        r#"0
2
4
"#,
    );
    t(
        &[r#"function f(x) { x = 5 } BEGIN { y = 1; f(y); print y }"#],
        r#""#,
        r#"1
"#,
    );
    t(
        &[r#"function f(a) { split("x y z", a) } BEGIN { f(q); print q[3] }"#],
        r#""#,
        r#"z
"#,
    );
    t(
        &[r#"function f(a) { return length(a) } BEGIN { z[1]; z[2]; print f(z) }"#],
        r#""#,
        r#"2
"#,
    );
    t(
        &[r#"function g(a) { a[1] = 1 } function f(a) { g(a) } BEGIN { f(w); print w[1] }"#],
        r#""#,
        r#"1
"#,
    );
    t(
        &[r#"function f(a, b) { print a, b "|" } BEGIN { f(1) }"#],
        r#""#,
        r#"1 |
"#,
    );
    t(
        &[r#"function loc(  tmp) { tmp[1] = 1; return length(tmp) } BEGIN { print loc(), loc() }"#],
        r#""#,
        r#"1 1
"#,
    );
    t(
        &[r#"function d(n) { return n == 0 ? 0 : 1 + d(n - 1) } BEGIN { print d(5000) }"#],
        r#""#,
        r#"5000
"#,
    );
    t(
        &[r#"function f() { return } BEGIN { x = f(); print "[" x "]" }"#],
        r#""#,
        r#"[]
"#,
    );
    t(
        &[r#"function f() { next } { f(); print "no" } END { print NR }"#],
        r#"a
b
"#,
        r#"2
"#,
    );
}

#[test]
fn output_redirection() {
    t(
        &[r#"BEGIN { print "b\na" | "sort"; close("sort"); print "c" }"#],
        r#""#,
        r#"a
b
c
"#,
    );
    t(
        &[
            r#"BEGIN { print "x" | "cat >/dev/null; exit 3"; print close("cat >/dev/null; exit 3") }"#,
        ],
        r#""#,
        r#"3
"#,
    );
    t(
        &[r#"BEGIN { r = system("exit 3"); print r; print system("true") }"#],
        r#""#,
        r#"3
0
"#,
    );
    t(
        &[r#"BEGIN { print "first"; system("echo second"); print "third" }"#],
        r#""#,
        r#"first
second
third
"#,
    );
    t(
        &[r#"BEGIN { print "z\ny" | "sort"; print "main" }"#],
        r#""#,
        r#"y
z
main
"#,
    );
    t(
        &[r#"BEGIN { print close("nothing") }"#],
        r#""#,
        r#"-1
"#,
    );
    t(
        &[r#"BEGIN { printf "%s", "no newline" }"#],
        r#""#,
        r#"no newline"#,
    );
    t(
        &[
            r#"BEGIN { print "a" > "out1"; print "b" > "out1"; close("out1"); print "c" >> "out1"; close("out1"); while ((getline l < "out1") > 0) print "got", l; system("rm out1") }"#,
        ],
        r#""#,
        r#"got a
got b
got c
"#,
    );
    t(
        &[r#"BEGIN { printf "x" | "cat"; close("cat"); print "" }"#],
        r#""#,
        r#"x
"#,
    );
    t(
        &[
            r#"{ print > ($1 ".out") } END { close("a.out"); getline l < "a.out"; print l; system("rm a.out b.out") }"#,
        ],
        r#"a 1
b 2
"#,
        r#"a 1
"#,
    );
    t(
        &[r#"BEGIN { print "x" > "/dev/stdout"; print "y"; print "z" >> "/dev/stdout" }"#],
        r#""#,
        r#"x
y
z
"#,
    );
    t(
        &[r#"BEGIN { print 10 " " 20 > "/dev/stdout"; print "a" "b" > "/dev/stdout" }"#],
        r#""#,
        r#"10 20
ab
"#,
    );
    t(
        &[
            r#"BEGIN { printf "a"; fflush(); system("printf b"); print "" ; print fflush("/dev/stdout"), fflush("nope") }"#,
        ],
        r#""#,
        r#"ab
0 -1
"#,
    );
    t(
        &[r#"BEGIN { ORS = "|"; print "a"; print "b" }"#],
        r#""#,
        r#"a|b|"#,
    );
    t(
        &[r#"BEGIN { OFS = ":"; print "a", "b" }"#],
        r#""#,
        r#"a:b
"#,
    );
    t(
        &[r#"BEGIN { "echo x" | getline; print close("echo x"), close("echo x") }"#],
        r#""#,
        r#"0 -1
"#,
    );
}

#[test]
fn printf_conversions() {
    t(
        &[
            r#"BEGIN { printf "%c%c|%5.2s|%-5d|%+.3e|%x|%o|%u|%i|%%\n", 65, "hello", "abc", 42, 3.14159, 255, 8, 3, 3.9 }"#,
        ],
        r#""#,
        r#"Ah|   ab|42   |+3.142e+00|ff|10|3|3|%
"#,
    );
    t(
        &[
            r#"BEGIN { printf "%5s|%-5s|%.1f|%e|%G|%g|%E|%F\n", "a", "b", 2.25, 12345.678, 0.0000123, 1e10, 1.5, 2.5 }"#,
        ],
        r#""#,
        r#"    a|b    |2.2|1.234568e+04|1.23E-05|1e+10|1.500000E+00|2.500000
"#,
    );
    t(
        &[r#"BEGIN { printf "%*d|%-*d|%.*f|%*s|\n", 5, 42, 4, 7, 2, 3.14159, -4, "x" }"#],
        r#""#,
        r#"   42|7   |3.14|x   |
"#,
    );
    t(
        &[r#"BEGIN { printf "%d\n", -0.5 ; printf "%.0f %.0f\n", 2.5, 3.5 }"#],
        r#""#,
        r#"0
2 4
"#,
    );
    t(
        &[r#"BEGIN { printf "%5.3d|%-+5d|% d|%05d|%#o|%#x|%X\n", 7, 3, 4, 42, 8, 255, 255 }"#],
        r#""#,
        r#"  007|+3   | 4|00042|010|0xff|FF
"#,
    );
    t(
        &[r#"BEGIN { printf "[%c]", "" ; printf "[%s]\n", 1e6; printf "[%s]\n", 1234567.5 }"#],
        r#""#,
        "[\0][1000000]\n[1.23457e+06]\n",
    );
    t(
        &[r#"BEGIN { printf "%.3s|%10.4f|%-10s|\n", "abcdef", 3.14159265, "hi" }"#],
        r#""#,
        r#"abc|    3.1416|hi        |
"#,
    );
    t(
        &[r#"BEGIN { printf "[%5c][%-3c]\n", "x", 66 }"#],
        r#""#,
        r#"[    x][B  ]
"#,
    );
    t(
        &[
            r#"BEGIN { x = sprintf("%5.2f", 3.14159); print "[" x "]"; print sprintf("%s=%d", "a", 1), sprintf("plain") }"#,
        ],
        r#""#,
        r#"[ 3.14]
a=1 plain
"#,
    );
    t(
        &[r#"BEGIN { printf "%x %X %o\n", 3000000000, 255, 8 }"#],
        r#""#,
        r#"b2d05e00 FF 10
"#,
    );
    t(
        &[r#"BEGIN { printf "%d %d %i\n", 2^53, "1e3", "0x1A" }"#],
        r#""#,
        r#"9007199254740992 1000 0
"#,
    );
    t(
        &[r#"BEGIN { printf "%u %x\n", -1, -1 }"#],
        r#""#,
        r#"18446744073709551615 ffffffffffffffff
"#,
    );
    t(
        &[r#"BEGIN { printf "%e %g %G\n", 0, 100000, 1e-10 }"#],
        r#""#,
        r#"0.000000e+00 100000 1E-10
"#,
    );
    t(&[r#"BEGIN { printf "%z|abc%" }"#], r#""#, r#"%z|abc%"#);
    t(
        &[r#"{ printf "%c", $1 } END { print "" }"#],
        r#"65
66
"#,
        r#"AB
"#,
    );
    t(
        &[r#"BEGIN { printf "%s %s %s\n", "a", "b" }"#],
        r#""#,
        r#"a b 
"#,
    );
    t(
        &[r#"BEGIN { printf "%d %s|\n" }"#],
        r#""#,
        r#"0 |
"#,
    );
    t(
        &[r#"BEGIN { printf "%i %5.1f%%\n", 42.9, 99.44 }"#],
        r#""#,
        r#"42  99.4%
"#,
    );
}

#[test]
fn sub_gsub() {
    t(
        &[
            r#"BEGIN { s = "hello world"; n = gsub(/o/, "0", s); print n, s; sub(/l+/, "[&]", s); print s }"#,
        ],
        r#""#,
        r#"2 hell0 w0rld
he[ll]0 w0rld
"#,
    );
    t(
        &[r#"{ gsub(/x*/, "-"); print }"#],
        r#"abc
"#,
        r#"-a-b-c-
"#,
    );
    t(
        &[r#"{ gsub(/b*/, "-"); print }"#],
        r#"abc
"#,
        r#"-a-c-
"#,
    );
    t(
        &[r#"{ sub(/$/, "!"); print }"#],
        r#"abc
"#,
        r#"abc!
"#,
    );
    t(
        &[r#"{ gsub(/^/, ">"); print }"#],
        r#"abc
"#,
        r#">abc
"#,
    );
    t(
        &[r#"{ gsub(//, "-"); print }"#],
        r#"abc
"#,
        r#"-a-b-c-
"#,
    );
    t(
        &[r##"{ n = gsub(/[[:digit:]]/, "#"); print n, $0 }"##],
        r#"a1b2c3
"#,
        r#"3 a#b#c#
"#,
    );
    t(
        &[r#"{ gsub("[\\]]", "X"); print }"#],
        r#"a]b
"#,
        r#"aXb
"#,
    );
    t(
        &[r#"{ gsub(/[\/]/, "X"); print }"#],
        r#"a/b
"#,
        r#"aXb
"#,
    );
    t(
        &[r#"{ gsub(/a|b/, "<&>"); print }"#],
        r#"abc
"#,
        r#"<a><b>c
"#,
    );
    t(
        &[
            r#"BEGIN { s = "a.b.c"; gsub(".", "-", s); print s; t = "a.b.c"; gsub(/\./, "-", t); print t; u="a.b"; gsub("\\.", "+", u); print u }"#,
        ],
        r#""#,
        r#"-----
a-b-c
a+b
"#,
    );
    t(
        &[
            r#"BEGIN { r[1]="\\\\\\&"; r[2]="\\\\&"; r[3]="\\&"; r[4]="\\q"; r[5]="\\\\"; r[6]="\\\\\\\\&"; for (i=1;i<=6;i++) { s="x"; sub(/x/, r[i], s); print i, s } }"#,
        ],
        r#""#,
        r#"1 \&
2 \x
3 &
4 \q
5 \\
6 \\x
"#,
    );
    t(
        &[r#"{ $2 = "b"; sub(/a/, "A"); print; print NF }"#],
        r#"a x c
"#,
        r#"A b c
3
"#,
    );
    t(
        &[r#"{ sub(/b/, "B", $2); print; print $2 }"#],
        r#"a b c
"#,
        r#"a B c
B
"#,
    );
    t(
        &[r#"BEGIN { a["k"] = "foo"; gsub(/o/, "0", a["k"]); print a["k"] }"#],
        r#""#,
        r#"f00
"#,
    );
    t(
        &[r#"{ print gsub(/a/, "b"), $0 }"#],
        r#"aaa
xyz
"#,
        r#"3 bbb
0 xyz
"#,
    );
}

#[test]
fn string_builtins() {
    t(
        &[
            r#"BEGIN { print match("foobar", /o+/), RSTART, RLENGTH; print match("x", /z/), RSTART, RLENGTH; print match("abc", "c$") }"#,
        ],
        r#""#,
        r#"2 2 2
0 0 -1
3
"#,
    );
    t(
        &[r#"{ print match($0, /[0-9]+/), substr($0, RSTART, RLENGTH) }"#],
        r#"abc123def
"#,
        r#"4 123
"#,
    );
    t(
        &[
            r#"BEGIN { print substr("hello", 2, 3), substr("hello", 0), substr("hello", -1, 3), substr("hello", 10) "|" }"#,
        ],
        r#""#,
        r#"ell hello hel |
"#,
    );
    t(
        &[
            r#"BEGIN { print substr("hello", 0, 2), substr("hello", 1.5, 2), substr("hello", 2, 1.6), substr("hello", 2.6), substr("hello",3,-1) "|" }"#,
        ],
        r#""#,
        r#"he he e ello |
"#,
    );
    t(
        &[r#"BEGIN { print substr("abc", "x"), substr(12345, 2, 3), substr("hello", 3, 100) }"#],
        r#""#,
        r#"abc 234 llo
"#,
    );
    t(
        &[
            r#"BEGIN { print index("hello", "ll"), index("hello", "z"), index("abc", ""), length("abc"), length }"#,
        ],
        r#""#,
        r#"3 0 1 3 0
"#,
    );
    t(
        &[r#"{ print length, length() }"#],
        r#"abcd
"#,
        r#"4 4
"#,
    );
    t(
        &[
            r#"BEGIN { print toupper("abC1"), tolower("ABc1"), toupper(substr("hello", 1, 1)) substr("hello", 2) }"#,
        ],
        r#""#,
        r#"ABC1 abc1 Hello
"#,
    );
    t(
        &[
            r#"BEGIN { n = split("a:b:c", arr, ":"); print n, arr[1], arr[3]; n = split("  a  b ", q); print n, q[1], q[2]; n=split("a1b22c", r, /[0-9]+/); print n, r[3]; n = split("", e); print n, length(e) }"#,
        ],
        r#""#,
        r#"3 a c
2 a b
3 c
0 0
"#,
    );
    t(
        &[
            r#"BEGIN { n = split("abc", c, ""); print n, c[1], c[3]; n = split("a.b", d, "."); print n, d[2] }"#,
        ],
        r#""#,
        r#"3 a c
2 b
"#,
    );
    t(
        &[r#"BEGIN { FS = ","; n = split("a,b c", x); print n, x[2] }"#],
        r#""#,
        r#"2 b c
"#,
    );
    t(
        &[r#"BEGIN { n = split("a1b2c", arr, /[0-9]/, seps); print n, seps[1], seps[2] }"#],
        r#""#,
        r#"3 1 2
"#,
    );
    t(
        &[r#"BEGIN { print length("a\tb"), "a\052b", "q\"q", "\x41" }"#],
        r#""#,
        // gawk and BusyBox decode \x (the one true awk too).
        r#"3 a*b q"q A
"#,
    );
    t(
        &[r#"{ print length($0) }"#],
        r#"héllo
"#,
        r#"6
"#,
    );
}

#[test]
fn math_builtins() {
    t(
        &[
            r#"BEGIN { print int(3.9), int(-3.9), sqrt(16), exp(0), log(1), sin(0), cos(0), atan2(0, -1), exp(1) }"#,
        ],
        r#""#,
        r#"3 -3 4 1 0 0 1 3.14159 2.71828
"#,
    );
    t(
        &[
            r#"BEGIN { srand(1); a = rand(); srand(1); b = rand(); print (a == b), (a >= 0 && a < 1), srand(5), srand() }"#,
        ],
        r#""#,
        r#"1 1 1 5
"#,
    );
    t(
        &[r#"BEGIN { x = srand(); y = srand(); print (x == 0), (y > 1000000) }"#],
        r#""#,
        r#"0 1
"#,
    );
    t(
        &[
            r#"BEGIN { for (i = 0; i < 1000; i++) { r = rand(); if (r < 0 || r >= 1) bad++ } print bad + 0 }"#,
        ],
        r#""#,
        r#"0
"#,
    );
}

#[test]
fn gawk_extras() {
    t(
        &[r#"{ nextfile; print "no" } END { print NR }"#],
        r#"a
b
"#,
        r#"1
"#,
    );
    t(
        &[
            r#"BEGIN { print and(12, 10), or(12, 10), xor(12, 10), lshift(1, 4), rshift(16, 2), compl(0), and(7, 3, 1) }"#,
        ],
        r#""#,
        r#"8 14 6 16 4 9007199254740991 1
"#,
    );
    t(
        &[
            r#"BEGIN { print gensub(/(a)(b)/, "\\2\\1", "g", "abab"), gensub(/o/, "0", 2, "foo boo"), gensub(/x/, "[&]", "g", "axbx") }"#,
        ],
        r#""#,
        r#"baba fo0 boo a[x]b[x]
"#,
    );
    t(
        &[r#"{ print gensub(/([a-z]+) ([a-z]+)/, "\\2 \\1", 1) }"#],
        r#"hello world
"#,
        r#"world hello
"#,
    );
    t(
        &[
            r#"BEGIN { print strftime("%Y-%m-%d %H:%M:%S", 0, 1); print mktime("1970 01 01 00 01 40"); print strftime("%j", 86400 * 40, 1) }"#,
        ],
        r#""#,
        r#"1970-01-01 00:00:00
100
041
"#,
    );
    t(
        &[r#"BEGIN { t = systime(); print (t > 1600000000) }"#],
        r#""#,
        r#"1
"#,
    );
    t(
        &[
            r#"BEGIN { if (match("foo=bar", /([a-z]+)=([a-z]+)/, m)) print m[1], m[2], m[0], m[2, "start"], m[2, "length"] }"#,
        ],
        r#""#,
        r#"foo bar foo=bar 5 3
"#,
    );
    t(&[r#"BEGIN { printf "%c\n", 256 }"#], r#""#, "\0\n");
    t(&[r#"BEGIN { print (length(ENVIRON) > 0) }"#], r#""#, "1\n");
}

#[test]
fn empty_and_edge_input() {
    t(&[r#"{ print }"#], r#""#, r#""#);
    t(
        &[r#"END { print NR, "[" $0 "]" }"#],
        r#""#,
        r#"0 []
"#,
    );
    t(
        &[r#"{ print NR ": " $0 }"#],
        r#"no newline"#,
        r#"1: no newline
"#,
    );
    t(
        &[r#"{ print $2 }"#],
        r#"a b
last line"#,
        r#"b
line
"#,
    );
    t(
        &[r#"{ n += NF } END { print n }"#],
        r#"


"#,
        r#"0
"#,
    );
    t(
        &[r#"BEGIN { RS = "" } END { print NR }"#],
        r#"


"#,
        r#"0
"#,
    );
}

/// Runs awk in a temp dir holding `files`.
fn with_files(files: &[(&str, &str)], args: &[&str]) -> Out {
    let c = cmd("awk");
    for (name, body) in files {
        std::fs::write(c.dir().join(name), body).expect("write a test file");
    }
    c.args(args).run()
}

#[test]
fn option_f_field_separator() {
    t(&["-F:", "{print $2}"], "a:b\nc:d\n", "b\nd\n");
    t(&["-F", ":", "{print $2}"], "a:b\n", "b\n");
    // POSIX: -F sepstring is -v FS=sepstring, so -Ft is a `t` (gawk and
    // BusyBox; only the one true awk and gawk --traditional make it a tab).
    t(&["-Ft", "{print $2}"], "atb\tc\n", "b\tc\n");
    t(&["-F", "\\t", "{print $2}"], "a\tb\n", "b\n");
    t(&["-F", "[:,]", "{print $3}"], "a:b,c\n", "c\n");
    t(&["-F", " ", "{print $2}"], "  a   b\n", "b\n");
    t(&["-F", "", "{print $3}"], "abc\n", "c\n");
}

#[test]
fn option_v_assignments() {
    t(&["-v", "x=5", "BEGIN{print x}"], "", "5\n");
    t(&["-v", "x=a\\tb", "BEGIN{print x}"], "", "a\tb\n");
    t(&["-vx=1", "-v", "y=2", "BEGIN{print x+y}"], "", "3\n");
    // A number from -v compares as a number.
    t(&["-v", "n=10", "BEGIN{print (n > 9)}"], "", "1\n");
    t(&["-v", "FS=:", "{print $2}"], "a:b\n", "b\n");
    t(&["-v", "OFS=-", "{$1=$1; print}"], "a b\n", "a-b\n");
    cmd("awk")
        .args(["-v", "1x=2", "BEGIN{}"])
        .run()
        .status(2)
        .err_has("invalid -v argument");
}

#[test]
fn option_f_program_files() {
    let o = with_files(
        &[
            ("p1.awk", "BEGIN { print \"one\" }\n"),
            ("p2.awk", "{ print FILENAME, FNR, NR }\n"),
            ("in", "x\ny\n"),
        ],
        &["-f", "p1.awk", "-f", "p2.awk", "in"],
    );
    o.ok().out("one\nin 1 1\nin 2 2\n");
    // -e and -f together, in order.
    let o = with_files(
        &[("p.awk", "BEGIN { print \"file\" }")],
        &["-e", "BEGIN { print \"expr\" }", "-f", "p.awk"],
    );
    o.ok().out("expr\nfile\n");
    t(
        &["-e", "BEGIN{print 1}", "-e", "BEGIN{print 2}"],
        "",
        "1\n2\n",
    );
    // The program from standard input.
    cmd("awk")
        .args(["-f", "-", "/dev/null"])
        .stdin("BEGIN { print \"stdin prog\" }")
        .run()
        .ok()
        .out("stdin prog\n");
    cmd("awk").args(["-f", "missing.awk"]).run().status(2).err(
        "awk: fatal: can't open source file `missing.awk' for reading: No such file or directory\n",
    );
    // Errors in a -f file name the file and its line.
    let o = with_files(
        &[("bad.awk", "BEGIN {\n  x = = 1\n}\n")],
        &["-f", "bad.awk"],
    );
    o.status(2).err_has("awk: bad.awk:2:");
}

#[test]
fn gawk_long_options() {
    t(
        &[
            "--assign",
            "x=1",
            "--field-separator=:",
            "--source",
            "BEGIN{print x}",
            "-e",
            "{print $2}",
        ],
        "a:b\n",
        "1\nb\n",
    );
    t(&["--assign=y=2", "--source=BEGIN{print y}"], "", "2\n");
    cmd("awk")
        .args(["--file=/dev/null", "--field-separator"])
        .run()
        .status(2)
        .err_has("option requires an argument -- 'F'");
}

#[test]
fn operands_argv_and_assignments() {
    let files = [("f1", "a:b\nc:d\n"), ("f2", "x y\n")];
    with_files(&files, &["{print FILENAME, FNR, NR}", "f1", "f2"])
        .ok()
        .out("f1 1 1\nf1 2 2\nf2 1 3\n");
    with_files(&files, &["{print x}", "x=1", "f1", "x=2", "f2"])
        .ok()
        .out("1\n1\n2\n");
    with_files(&files, &["{print $1}", "FS=:", "f1"])
        .ok()
        .out("a\nc\n");
    with_files(&files, &["--", "{print}", "f2"])
        .ok()
        .out("x y\n");
    t(
        &["BEGIN{for(i=0;i<ARGC;i++) print i, ARGV[i]}", "a", "b=c"],
        "",
        "0 awk\n1 a\n2 b=c\n",
    );
    with_files(&files, &["BEGIN{ARGV[1]=\"f2\"} {print}", "f1"])
        .ok()
        .out("x y\n");
    with_files(&files, &["BEGIN{ARGV[1]=\"\"} {print}", "f1", "f2"])
        .ok()
        .out("x y\n");
    with_files(&files, &["BEGIN{ARGC=2} {print}", "f1", "f2"])
        .ok()
        .out("a:b\nc:d\n");
    // `-` is standard input, among files.
    cmd("awk")
        .args(["{print}", "-"])
        .stdin("in\n")
        .run()
        .ok()
        .out("in\n");
    with_files(&files, &["{print FILENAME \":\" $0}", "f2", "-"]);
    let c = cmd("awk");
    std::fs::write(c.dir().join("f2"), "x y\n").expect("write");
    c.args(["{print FILENAME \":\" $0}", "f2", "-"])
        .stdin("s\n")
        .run()
        .ok()
        .out("f2:x y\n-:s\n");
    // Only assignments: standard input is read, after them.
    cmd("awk")
        .args(["{print v $0}", "v=>"])
        .stdin("a\n")
        .run()
        .ok()
        .out(">a\n");
    // Assignments after the last file happen before END.
    with_files(&files, &["END{print v}", "f2", "v=end"])
        .ok()
        .out("end\n");
    cmd("awk")
        .args(["BEGIN{print ENVIRON[\"FOO\"]}"])
        .env("FOO", "bar")
        .run()
        .ok()
        .out("bar\n");
}

#[test]
fn missing_and_unreadable_input() {
    // As gawk and mawk: a missing file is fatal, status 2.
    let o = with_files(&[("f1", "a\n")], &["{print}", "f1", "nonexist", "f1"]);
    o.status(2)
        .out("a\n")
        .err("awk: fatal: cannot open file `nonexist' for reading: No such file or directory\n");
    // A directory operand is skipped with a warning.
    let o = with_files(&[("f1", "a\n")], &["{print}", ".", "f1"]);
    o.status(0).out("a\n").err_has("is a directory: skipped");
}

#[test]
fn exit_status() {
    cmd("awk").args(["BEGIN { exit 3 }"]).run().status(3);
    cmd("awk")
        .args(["BEGIN { exit 4 } END { print \"end\"; exit }"])
        .run()
        .status(4)
        .out("end\n");
    cmd("awk")
        .args(["{ print; exit 5 } END { print \"end\", NR }"])
        .stdin("a\nb\n")
        .run()
        .status(5)
        .out("a\nend 1\n");
    cmd("awk")
        .args(["function f() { exit 6 } BEGIN { f(); print \"no\" }"])
        .run()
        .status(6)
        .out("");
    cmd("awk").args(["BEGIN { exit 256 + 7 }"]).run().status(7);
}

#[test]
fn syntax_errors() {
    cmd("awk")
        .args(["BEGIN { x = }"])
        .run()
        .status(2)
        .out("")
        .err("awk: cmd. line:1: BEGIN { x = }\nawk: cmd. line:1:             ^ syntax error\n");
    cmd("awk")
        .args(["BEGIN {"])
        .run()
        .status(2)
        .err("awk: cmd. line:1: BEGIN {\nawk: cmd. line:1:        ^ syntax error: unexpected end of program\n");
    cmd("awk")
        .args(["BEGIN { print \"abc }"])
        .run()
        .status(2)
        .err_has("unterminated string");
    cmd("awk")
        .args(["/abc"])
        .run()
        .status(2)
        .err_has("unterminated regexp");
    cmd("awk")
        .args(["BEGIN { next }"])
        .run()
        .status(2)
        .err_has("`next' used in BEGIN or END action");
    cmd("awk")
        .args(["{ break }"])
        .run()
        .status(2)
        .err_has("`break' is not allowed outside a loop");
    cmd("awk")
        .args(["BEGIN { return }"])
        .run()
        .status(2)
        .err_has("`return' used outside function context");
    cmd("awk")
        .args(["function f(a, a) { }"])
        .run()
        .status(2)
        .err_has("duplicate parameter");
    cmd("awk")
        .args(["BEGIN { print substr(\"x\") }"])
        .run()
        .status(2)
        .err_has("substr: called with 1 arguments");
    cmd("awk")
        .args(["BEGIN { x = \"a\" |& getline }"])
        .run()
        .status(2)
        .err_has("coprocesses (|&) are not supported");
    cmd("awk")
        .args(["BEGIN { print 1 }\n\nBEGIN { 1 +* 2 }"])
        .run()
        .status(2)
        .err_has("awk: cmd. line:3:");
    cmd("awk")
        .args(["BEGIN { if (x ~ /a[/) print }"])
        .run()
        .status(2)
        .err_has("unterminated regexp");
    cmd("awk")
        .args(["BEGIN { if (\"x\" ~ \"a[\") print }"])
        .run()
        .status(2)
        .err_has("Unmatched [");
    // Deep nesting is an error, not a crash.
    let deep = format!("BEGIN {{ x = {}1{} }}", "(".repeat(5000), ")".repeat(5000));
    cmd("awk")
        .arg(deep)
        .run()
        .status(2)
        .err_has("nested too deeply");
}

#[test]
fn runtime_errors() {
    cmd("awk")
        .args(["BEGIN { print 1/0 }"])
        .run()
        .status(2)
        .err("awk: cmd. line:1: fatal: division by zero attempted\n");
    cmd("awk")
        .args(["{ print 1 % 0 }"])
        .stdin("x\n")
        .run()
        .status(2)
        .err("awk: cmd. line:1: (FILENAME=- FNR=1) fatal: division by zero attempted in `%'\n");
    cmd("awk")
        .args(["BEGIN { x /= 0 }"])
        .run()
        .status(2)
        .err_has("division by zero");
    cmd("awk")
        .args(["{ print $-1 }"])
        .stdin("a\n")
        .run()
        .status(2)
        .err_has("attempt to access field -1");
    cmd("awk")
        .args(["BEGIN { x = 1; x[1] = 2 }"])
        .run()
        .status(2)
        .err_has("attempt to use scalar `x' as an array");
    cmd("awk")
        .args(["BEGIN { x[1] = 1; print x }"])
        .run()
        .status(2)
        .err_has("attempt to use array `x' in a scalar context");
    cmd("awk")
        .args(["BEGIN { f() }"])
        .run()
        .status(2)
        .err("awk: cmd. line:1: fatal: function `f' not defined\n");
    // An undefined function in a branch never taken is no error.
    cmd("awk").args(["BEGIN { if (0) f() }"]).run().ok();
    cmd("awk")
        .args(["BEGIN { getline x < \"\" }"])
        .run()
        .status(2)
        .err_has("expression for `<' redirection has null string value");
    cmd("awk")
        .args(["BEGIN { print \"x\" > \"/nonexistent/dir/f\" }"])
        .run()
        .status(2)
        .err_has("can't redirect to `/nonexistent/dir/f'");
    cmd("awk")
        .args(["BEGIN { NF = -1 }"])
        .run()
        .status(2)
        .err_has("NF set to negative value");
    cmd("awk")
        .args(["BEGIN { $2000000000 = 1 }"])
        .run()
        .status(2)
        .err_has("too large to assign");
    cmd("awk")
        .args(["BEGIN { NF = 1e12 }"])
        .run()
        .status(2)
        .err_has("NF set to a value too large");
    // Runaway recursion is an error, not a crash.
    cmd("awk")
        .args(["function d(n) { return 1 + d(n + 1) } BEGIN { d(0) }"])
        .run()
        .status(2)
        .err("awk: cmd. line:1: fatal: function call nesting too deep\n");
    // Output before the error is kept.
    cmd("awk")
        .args(["BEGIN { print \"before\"; print 1/0 }"])
        .run()
        .status(2)
        .out("before\n");
}

#[test]
fn usage_errors() {
    cmd("awk")
        .run()
        .status(2)
        .err_has("awk: no program given\nUsage: awk");
    cmd("awk")
        .args(["-x", "BEGIN{}"])
        .run()
        .status(2)
        .err_has("awk: invalid option -- 'x'");
    cmd("awk")
        .args(["-f"])
        .run()
        .status(2)
        .err_has("option requires an argument -- 'f'");
    cmd("awk")
        .args(["--posix", "BEGIN{}"])
        .run()
        .status(2)
        .err_has("unrecognized option '--posix'");
}

#[test]
fn binary_bytes() {
    cmd("awk")
        .args(["{ print length($0), $2 }"])
        .stdin(b"a\x00b c\xff\n".as_slice())
        .run()
        .ok()
        .out(b"6 c\xff\n".as_slice());
    cmd("awk")
        .args(["-F", "\\001", "{ print $2 }"])
        .stdin(b"x\x01\x80y\n".as_slice())
        .run()
        .ok()
        .out(b"\x80y\n".as_slice());
    cmd("awk")
        .args(["{ gsub(/\\000/, \"N\"); print }"])
        .stdin(b"a\x00b\n".as_slice())
        .run()
        .ok()
        .out(b"aNb\n".as_slice());
    cmd("awk")
        .args(["BEGIN { RS = \"\\0\" } { print NR \":\" $0 }"])
        .stdin(b"a\x00b\x00".as_slice())
        .run()
        .ok()
        .out("1:a\n2:b\n");
    cmd("awk")
        .args(["BEGIN { printf \"%c%c\", 0, 255 }"])
        .run()
        .ok()
        .out(b"\x00\xff".as_slice());
}

#[test]
fn long_lines_and_many_fields() {
    let line = "x".repeat(1 << 20);
    let input = format!("{line} y\n{line}\n");
    cmd("awk")
        .args(["{ print length($1), NF }"])
        .stdin(&input)
        .run()
        .ok()
        .out("1048576 2\n1048576 1\n");
    let many: Vec<String> = (1..=10000).map(|i| i.to_string()).collect();
    cmd("awk")
        .args(["{ s = 0; for (i = 1; i <= NF; i++) s += $i; print NF, s, $NF }"])
        .stdin(many.join(" ") + "\n")
        .run()
        .ok()
        .out("10000 50005000 10000\n");
    let lines: String = (1..=100000).map(|i| format!("k{} {i}\n", i % 7)).collect();
    cmd("awk")
        .args(["{ c[$1] += $2 } END { print length(c), c[\"k0\"] }"])
        .stdin(lines)
        .run()
        .ok()
        .out("7 714264285\n");
}

#[test]
fn output_errors_and_stderr() {
    cmd("awk")
        .args(["BEGIN { print \"to err\" > \"/dev/stderr\"; print \"out\" }"])
        .run()
        .status(0)
        .out("out\n")
        .err("to err\n");
    cmd("awk")
        .args(["BEGIN { print \"x\" | \"cat 1>&2\"; print close(\"cat 1>&2\") }"])
        .run()
        .status(0)
        .out("0\n")
        .err("x\n");
    let o = cmd("awk")
        .args(["BEGIN { print \"x\" }"])
        .stdout_full()
        .run();
    o.status(2).err_has("awk: write error");
}

#[test]
fn dash_is_standard_output() {
    // As gawk (BusyBox makes a file named -).
    let dir = TempDir::new();
    cmd("awk")
        .cwd(dir.path())
        .args(["BEGIN { print \"x\" > \"-\"; print \"y\" >> \"-\" }"])
        .run()
        .ok()
        .out("x\ny\n");
    assert!(!dir.join("-").exists());
}

#[test]
fn files_left_behind() {
    let dir = TempDir::new();
    cmd("awk")
        .cwd(dir.path())
        .args(["{ print $2 > ($1 \".txt\") } END { print \"z\" >> \"a.txt\" }"])
        .stdin("a 1\nb 2\na 3\n")
        .run()
        .ok()
        .out("");
    assert_eq!(
        std::fs::read_to_string(dir.join("a.txt")).expect("a.txt"),
        "1\n3\nz\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("b.txt")).expect("b.txt"),
        "2\n"
    );
}

#[test]
fn for_in_order_is_insertion_order() {
    // POSIX leaves the order open; ours is the order elements were made.
    t(
        &["{ c[$1]++ } END { for (k in c) print k, c[k] }"],
        "b\na\nc\na\nb\n",
        "b 2\na 2\nc 1\n",
    );
    t(
        &["BEGIN { a[3]; a[1]; a[2]; delete a[1]; a[1]; for (k in a) printf \"%s \", k; print \"\" }"],
        "",
        "3 2 1 \n",
    );
}

#[test]
fn arrays_under_churn() {
    // Many deletions and re-insertions (the table compacts itself).
    t(
        &["BEGIN { for (i = 0; i < 100000; i++) { a[i] = i; if (i % 3) delete a[i - 1] } n = 0; s = 0; for (k in a) { n++; s += a[k] } print n, s, length(a), (99999 in a), (1 in a), (2 in a) }"],
        "",
        "33334 1666749999 33334 1 0 1\n",
    );
    t(
        &["BEGIN { for (r = 0; r < 50; r++) { for (i = 0; i < 1000; i++) a[r, i]; for (i = 0; i < 1000; i++) delete a[r, i] } print length(a); a[\"x\"] = 1; print length(a), a[\"x\"] }"],
        "",
        "0\n1 1\n",
    );
}

#[test]
fn uninitialized_and_strnum_choices() {
    // A for-in variable from integer keys compares as a number (gawk).
    t(
        &["BEGIN{a[1];a[10];a[9]; for(k in a) if (k < 10) n++; print n}"],
        "",
        "2\n",
    );
    // getline var makes a strnum.
    t(&["{ getline x; print (x < 10) }"], "a\n9\n", "1\n");
    // Fields beyond NF are uninitialized: both "" and 0.
    t(&["{ print ($5 == 0), ($5 == \"\") }"], "a\n", "1 1\n");
    // Assigning NF rebuilds $0 with OFS.
    t(
        &["BEGIN { OFS = \",\" } { NF = 3; print }"],
        "a b\n",
        "a,b,\n",
    );
}

#[test]
fn utf8_locale_counts_characters() {
    // As gawk: characters in a UTF-8 locale, bytes in C.
    let prog = "BEGIN { s = \"h\u{e9}llo w\u{f6}rld\"; print length(s), substr(s, 2, 3), index(s, \"w\"), match(s, /\u{f6}/), RLENGTH; printf \"[%3s][%.2s][%c][%c]\\n\", \"\u{e9}\", \"\u{e9}\u{e8}\u{ea}\", \"\u{f1}x\", 233; n = split(\"a\u{f1}b\", c, \"\"); print n, c[2] }";
    cmd("awk")
        .env("LC_ALL", "C.UTF-8")
        .arg(prog)
        .run()
        .ok()
        .out("11 \u{e9}ll 7 8 1\n[  \u{e9}][\u{e9}\u{e8}][\u{f1}][\u{e9}]\n3 \u{f1}\n");
    cmd("awk")
        .arg("BEGIN { s = \"h\u{e9}\"; print length(s), index(s \"x\", \"x\") }")
        .run()
        .ok()
        .out("3 4\n");
}

#[test]
fn string_escapes_as_gawk_and_busybox() {
    // An unknown escape is the character itself; \x takes two hex digits.
    t(
        &[r#"BEGIN { s = "\q\.\(\+\$"; print length(s), s }"#],
        "",
        "5 q.(+$\n",
    );
    t(
        &[r#"BEGIN { print "\x41\x4a2|\x414243|\xg|\x" }"#],
        "",
        "AJ2|A4243|xg|x\n",
    );
    t(&[r#"BEGIN { print "\101\0101" }"#], "", "A\x081\n");
    // So in a dynamic regex "\+" is a +, the operator.
    t(
        &[
            r#"BEGIN { print ("a+b" ~ "a\+b"), ("aab" ~ "a\+b"), ("a.b" ~ "a\\.b"), ("axb" ~ "a\\.b") }"#,
        ],
        "",
        "0 1 1 0\n",
    );
    t(&[r#"BEGIN { print ("aqb" ~ /a\qb/) }"#], "", "1\n");
    // -v and command-line assignments are read the same way.
    t(&["-v", r"x=a\qb\x42", "BEGIN { print x }"], "", "aqbB\n");
    t(&["{ print v }", r"v=\x41\.", "-"], "l\n", "A.\n");
    t(&["-F", r"\x3a", "{ print $2 }"], "a:b\n", "b\n");
}

#[test]
fn printf_positional_arguments() {
    // gawk's %N$; as elsewhere a missing argument is empty.
    t(
        &[r#"BEGIN { printf "%1$s %2$s %1$s|%2$5s|%1$-4d|%3$s|\n", 7, "b" }"#],
        "",
        "7 b 7|    b|7   ||\n",
    );
    t(
        &[r#"BEGIN { s = sprintf("%2$s-%1$s", "x", "y"); print s }"#],
        "",
        "y-x\n",
    );
    // %0$ is no position: the text stays.
    t(&[r#"BEGIN { printf "%0$s\n", 1 }"#], "", "%0$s\n");
}

#[test]
fn interval_without_a_lower_bound() {
    // {,N} is {0,N}, as in gawk and BusyBox; {,} and {,x are literal.
    t(
        &[
            r#"BEGIN { print "ab" ~ /a{,2}b/, "aaab" ~ /^a{,2}b/, "b" ~ /^a{,2}b/, "a{,}b" ~ /a{,}b/, "x{,b" ~ /{,b/, "ab" ~ "^a{,1}b$" }"#,
        ],
        "",
        "1 0 1 1 1 1\n",
    );
}

#[test]
fn rlength_starts_at_zero() {
    t(&["BEGIN { print RLENGTH, RSTART }"], "", "0 0\n");
}

#[test]
fn octal_constants_in_the_program() {
    // As gawk and BusyBox (and 0x hex); strings are still decimal.
    t(
        &[r#"BEGIN { print 011, 0777, 08, 019, 011.5, 07e1, 00, 0x1f, "011" + 0 }"#],
        "",
        "9 511 8 19 11.5 70 0 31 11\n",
    );
}

/// `c[$1]++`, `!seen[$0]++` and `c[$i] += n` look the field up where it
/// lies in the record; a field past NF, a changed field, a changed or
/// rebuilt $0 and a computed field number give the same keys as the
/// general path (checked against gawk).
#[test]
fn counting_by_field() {
    let input = "b 1\na 2\nb 3\n\nb 1\nc\n";
    t(
        &["{ c[$1]++ } END { for (k in c) print k \"=\" c[k] }"],
        input,
        "b=3\na=1\n=1\nc=1\n",
    );
    t(&["!seen[$0]++"], input, "b 1\na 2\nb 3\n\nc\n");
    t(
        &["{ n[$2] += 2 } END { for (k in n) print k \"=\" n[k] }"],
        input,
        "1=4\n2=2\n3=2\n=4\n",
    );
    t(
        &["{ c[$NF]-- } END { for (k in c) print k \"=\" c[k] }"],
        input,
        "1=-2\n2=-1\n3=-1\n=-1\nc=-1\n",
    );
    t(
        &["{ i = 1; c[$(i + 1)]++ } END { for (k in c) print k \"=\" c[k] }"],
        input,
        "1=2\n2=1\n3=1\n=2\n",
    );
    // A field set, then counted; $0 rebuilt from the fields.
    t(
        &["{ $1 = \"x\" $1; c[$1]++; d[$0]++ } END { for (k in c) print k \"=\" c[k]; for (k in d) print k \"=\" d[k] }"],
        "b  1\na 2\n",
        "xb=1\nxa=1\nxb 1=1\nxa 2=1\n",
    );
    // $0 assigned: its fields are the new record's.
    t(
        &["NR == 2 { $0 = \"z 9\" } { c[$1]++; s[$0]++ } END { for (k in c) print k \"=\" c[k]; for (k in s) print k \"=\" s[k] }"],
        "b 1\na 2\nb 3\n",
        "b=2\nz=1\nb 1=1\nz 9=1\nb 3=1\n",
    );
    // With a field separator and an empty field between two.
    t(
        &["-F:", "{ c[$2]++ } END { for (k in c) print k \"=\" c[k] }"],
        "a::b\nc:d\n",
        "=1\nd=1\n",
    );
    // The value of the expression is the old or new count.
    t(&["{ print c[$1]++, ++c[$1] }"], "a\na\n", "0 2\n2 4\n");
}
