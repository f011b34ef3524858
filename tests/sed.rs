//! sed: commands, addresses, s flags, options, errors, -i.

use crate::common::*;

#[test]
fn basic() {
    case("sed", &["p"], "a\n", "a\na\n");
}

fn sed(args: &[&str], stdin: &str) -> Out {
    cmd("sed").args(args).stdin(stdin).run()
}

/// `sed --posix SCRIPT` on `stdin` fails with GNU's message for it.
#[track_caller]
fn posix_err(script: &str, msg: &str) {
    sed(&["--posix", script], "x\n")
        .status(1)
        .out("")
        .err(format!("sed: -e expression #1, {msg}\n"));
}

const OPS: &str = "x\na+b\n a?b\na|b\naw)\n";

#[test]
fn posix_regex_has_no_gnu_operators() {
    // In a BRE \+ \? \| are the characters themselves.
    sed(&["--posix", r"s/a\+/X/"], OPS)
        .ok()
        .out("x\nXb\n a?b\na|b\naw)\n");
    sed(&["--posix", r"s/a\?/X/"], OPS)
        .ok()
        .out("x\na+b\n Xb\na|b\naw)\n");
    sed(&["--posix", r"s/a\|b/X/"], OPS)
        .ok()
        .out("x\na+b\n a?b\nX\naw)\n");
    sed(&["--posix", "-n", r"/a\+/p"], OPS).ok().out("a+b\n");
    // GNU's escapes are the plain letters: \w is a w, \< a <.
    sed(&["--posix", r"s/\w/X/"], OPS)
        .ok()
        .out("x\na+b\n a?b\na|b\naX)\n");
    sed(&["--posix", "-E", r"s/\w/X/"], OPS)
        .ok()
        .out("x\na+b\n a?b\na|b\naX)\n");
    sed(&["--posix", r"s/\<a/X/"], "<a a\n").ok().out("X a\n");
    // An unmatched close paren is ordinary.
    sed(&["--posix", r"s/w\)/X/"], OPS)
        .ok()
        .out("x\na+b\n a?b\na|b\naX\n");
    sed(&["--posix", "-E", "s/w)/X/"], OPS)
        .ok()
        .out("x\na+b\n a?b\na|b\naX\n");
    sed(&["--posix", r"s/\(a\))/X/"], "a)\n").ok().out("X\n");
    // Bracket expressions, intervals, groups and ERE operators stay.
    sed(&["--posix", r"s/[\w]/X/g"], "a\\w\n").ok().out("aXX\n");
    sed(&["--posix", r"s/a\{2\}/X/"], "aaa\n").ok().out("Xa\n");
    sed(&["--posix", r"s/\(a\)\(b\)/\2\1/"], "ab\n")
        .ok()
        .out("ba\n");
    sed(&["--posix", "-E", "s/a+|b/X/g"], "aab\n")
        .ok()
        .out("XX\n");
    sed(&["--posix", "s/\\t/X/"], "a\tb\n").ok().out("aXb\n");
    // Without --posix they are GNU's operators.
    sed(&[r"s/a\+/X/"], "aa+\n").ok().out("X+\n");
    sed(&[r"s/\w/X/"], "+w\n").ok().out("+X\n");
    sed(&[r"s/w\)/X/"], "w\n")
        .status(1)
        .err("sed: -e expression #1, char 8: Unmatched ) or \\)\n");
}

#[test]
fn posix_rejects_gnu_commands_and_forms() {
    for c in ["e echo", "F", "v", "z", "L", "Q", "T", "R f", "W f"] {
        let first = &c[..1];
        posix_err(c, &format!("char 1: unknown command: `{first}'"));
    }
    posix_err("q5", "char 2: extra characters after command");
    posix_err("l 3", "char 3: extra characters after command");
    posix_err("a foo", "char 3: expected \\ after `a', `c' or `i'");
    posix_err("a\\", "char 2: incomplete command");
    posix_err("1,+1d", "char 3: unexpected `,'");
    posix_err("1,~2d", "char 3: unexpected `,'");
    posix_err("0,/x/d", "char 6: invalid usage of line address 0");
    posix_err("1~2d", "char 2: unknown command: `~'");
    posix_err("/x/I d", "char 4: unknown command: `I'");
    posix_err("/x/M d", "char 4: unknown command: `M'");
    for f in ["I", "M", "e"] {
        posix_err(&format!("s/a/b/{f}"), "char 7: unknown option to `s'");
    }
    // No case conversion in a replacement: \U is a U.
    sed(&["--posix", r"s/a/\U&/"], "ab\n").ok().out("Uab\n");
    // The POSIX forms work.
    sed(&["--posix", "s/a/X/2g;1!d"], "aaa\nb\n")
        .ok()
        .out("aXX\n");
    sed(&["--posix", "a\\\nnew"], "x\n").ok().out("x\nnew\n");
    sed(&["--posix", "-n", "/a/,/b/p;$="], "a\nc\nb\nd\n")
        .ok()
        .out("a\nc\nb\n4\n");
    sed(&["--posix", "q"], "x\ny\n").ok().out("x\n");
    // Without --posix all of it is accepted.
    sed(&["0,/x/d;1~2d;s/a/\\U&/I"], "x\na\nb\na\n")
        .ok()
        .out("A\nA\n");
}

#[test]
fn sandbox_rejects_e_r_w() {
    for (script, at) in [
        ("e ls", 1),
        ("r x", 1),
        ("R x", 1),
        ("w x", 1),
        ("W x", 1),
        ("s/a/b/w x", 7),
        ("s/a/b/e", 7),
    ] {
        // ls shows that no file was made.
        let o = sh(&format!("echo a | sed --sandbox '{script}'; echo $?; ls")).run();
        o.status(0).out("1\n").err(format!(
            "sed: -e expression #1, char {at}: e/r/w commands disabled in sandbox mode\n"
        ));
    }
    sed(&["--sandbox", "s/a/b/;p"], "a\n").ok().out("b\nb\n");
}

#[test]
fn per_file_with_s_and_accepted_options() {
    let c = cmd("sed");
    std::fs::write(c.dir().join("s2"), "x\ny\n").expect("write");
    std::os::unix::fs::symlink("s2", c.dir().join("l")).expect("symlink");
    c.args(["-s", "F", "-", "s2"])
        .stdin("ab\ncd\n")
        .run()
        .ok()
        .out("-\nab\n-\ncd\ns2\nx\ns2\ny\n");
    for s in ["-s", "--separate"] {
        let c = cmd("sed");
        std::fs::write(c.dir().join("s2"), "x\ny\n").expect("write");
        c.args([s, "-n", "$p;1p", "-", "s2"])
            .stdin("ab\ncd\n")
            .run()
            .ok()
            .out("ab\ncd\nx\ny\n");
    }
    let c = cmd("sed");
    std::fs::write(c.dir().join("s2"), "x\ny\n").expect("write");
    c.args(["-n", "$p;1p", "-", "s2"])
        .stdin("ab\ncd\n")
        .run()
        .ok()
        .out("ab\ny\n");
    // --follow-symlinks, -b and -u change nothing visible here.
    let c = cmd("sed");
    std::fs::write(c.dir().join("s2"), "x\ny\n").expect("write");
    std::os::unix::fs::symlink("s2", c.dir().join("l")).expect("symlink");
    c.args(["--follow-symlinks", "-b", "-u", "F", "l"])
        .run()
        .ok()
        .out("l\nx\nl\ny\n");
    sed(&["--binary", "p"], "a\r\n").ok().out("a\r\na\r\n");
}

#[test]
fn special_write_files() {
    sed(&["w /dev/stdout"], "ab\ncd\n")
        .ok()
        .out("ab\nab\ncd\ncd\n");
    sed(&["-n", "w /dev/stderr"], "ab\n")
        .status(0)
        .out("")
        .err("ab\n");
    sed(&["s/a/X/2w /dev/stdout"], "aaa\nb\n")
        .ok()
        .out("aXa\naXa\nb\n");
}

#[test]
fn line_count_of_empty_input() {
    sed(&["-n", "$="], "").ok().out("");
    sed(&["-n", "$="], "a\nb").ok().out("2\n");
}

#[test]
fn l_wrapping() {
    sed(&["-n", "-l", "5", "l"], "abcdefghij\\x\n")
        .ok()
        .out("abcd\\\nefgh\\\nij\\\\\\\nx$\n");
    sed(&["-n", "l 0"], "abcdefghij\n")
        .ok()
        .out("abcdefghij$\n");
    // A length of 1 is GNU's "no room": a lone backslash, then a byte a line.
    sed(&["-n", "l 1"], "abc\n").ok().out("\\\na\\\nb\\\nc$\n");
    sed(&["-n", "--line-length=1", "l"], "ab\n")
        .ok()
        .out("\\\na\\\nb$\n");
    // Escapes are not split.
    sed(&["-n", "-l", "4", "l"], "\x01\tab\n")
        .ok()
        .out("\\\n\\001\\\n\\ta\\\nb$\n");
    sed(&["-n", "-l", "0", "l"], &"a".repeat(100))
        .ok()
        .out(format!("{}$\n", "a".repeat(100)));
    sed(&["-n", "l"], &"a".repeat(100)).ok().out(format!(
        "{}\\\n{}$\n",
        "a".repeat(69),
        "a".repeat(31)
    ));
    // GNU takes a length that is not a number as 0 (no wrapping).
    sed(&["-l", "x", "l"], "a\n").ok().out("a$\na\n");
}

#[test]
fn y_escapes_and_newlines() {
    sed(&["N;y/\\n\\t/|T/"], "a\tb\nc\n").ok().out("aTb|c\n");
    sed(&["y/abc/\\n\\\\x/"], "abc\n").ok().out("\n\\x\n");
    sed(&["y,a\\,,x\\,,"], "a,\n").ok().out("x,\n");
    sed(&["y/ab/x/"], "a\n")
        .status(1)
        .err("sed: -e expression #1, char 7: strings for `y' command are different lengths\n");
}

#[test]
fn s_number_and_g() {
    sed(&["s/a/X/3g"], "aaaa\n").ok().out("aaXX\n");
    sed(&["-n", "s/a/X/3gp"], "aaaa\nb\n").ok().out("aaXX\n");
    sed(&["s/a/X/0"], "a\n")
        .status(1)
        .err("sed: -e expression #1, char 7: number option to `s' command may not be zero\n");
    sed(&["s/a/X/gg"], "a\n")
        .status(1)
        .err("sed: -e expression #1, char 8: multiple `g' options to `s' command\n");
    sed(&["s/b*/-/2"], "ab\n").ok().out("a-\n");
    sed(&["s/x*/-/g"], "ab\n").ok().out("-a-b-\n");
}

#[test]
fn m_flag_anchors() {
    sed(&["N;s/^/>/gM;s/$/</gM"], "ab\ncd\n")
        .ok()
        .out(">ab<\n>cd<\n");
    sed(&["N;s/b$/X/M;s/^c/Z/M"], "ab\ncd\n")
        .ok()
        .out("aX\nZd\n");
    // Without M, ^ and $ are the buffer's ends only.
    sed(&["N;s/^/>/g;s/$/</g"], "ab\ncd\n")
        .ok()
        .out(">ab\ncd<\n");
    sed(&["-n", "N;/^cd/Mp"], "ab\ncd\n").ok().out("ab\ncd\n");
}

#[test]
fn e_command_and_flag() {
    sed(&["e printf q"], "ab\n").ok().out("qab\n");
    sed(&["1e false"], "ab\ncd\n").ok().out("ab\ncd\n");
    sed(&["s/.*/echo +&/e"], "ab\n").ok().out("+ab\n");
    sed(&["s/x/exit 3/e"], "x\n").ok().out("\n");
}

#[test]
fn quit_codes() {
    sed(&["2q3"], "ab\ncd\nef\n")
        .status(3)
        .err("")
        .out("ab\ncd\n");
    sed(&["1Q4"], "ab\ncd\n").status(4).err("").out("");
    sed(&["q 5"], "ab\ncd\n").status(5).err("").out("ab\n");
    sed(&["1q;a x"], "ab\ncd\n").ok().out("ab\n");
    sed(&["1{a x\nq}"], "ab\ncd\n").ok().out("ab\nx\n");
    sed(&["-n", "2{p;q}"], "ab\ncd\nef\n").ok().out("cd\n");
    sed(&["1,2q"], "a\n")
        .status(1)
        .err("sed: -e expression #1, char 4: command only uses one address\n");
}

/// `sed --debug ARGS` on `stdin`, in a directory holding `f2` (x, y) and
/// `rf` (r1, r2), in the C locale unless `locale` says otherwise. Each
/// expected output is GNU sed 4.9's.
#[track_caller]
fn debug(
    args: &[&str],
    stdin: impl AsRef<[u8]>,
    locale: Option<&str>,
    expected: impl AsRef<[u8]>,
    status: i32,
) {
    let mut c = cmd("sed").arg("--debug").args(args).stdin(stdin.as_ref());
    std::fs::write(c.dir().join("f2"), "x\ny\n").unwrap();
    std::fs::write(c.dir().join("rf"), "r1\nr2\n").unwrap();
    if let Some(l) = locale {
        c = c.env("LC_ALL", l);
    }
    c.run().status(status).err("").out(expected);
}

#[test]
fn debug_program_and_trace() {
    // every command and address form, in GNU's canonical form
    debug(
        &[
            r"-n",
            r"1p;$p;/a/Ip;\%b%Mp;0,/c/p;2~3p;4~0p;5,+2p;6,~4p;7,$!p;!p
:top
b top;b;t top;T;{=;}
a\
two\
lines
i one-liner
c\
changed
D;d;e;e echo hi
F;g;G;h;H;l;l 5;n;N;P;q;q 3;Q;Q 4;r rf
R rf
w /dev/null
W /dev/null
x;z;y/abc/xyz/
#comment
v 4.2
s/a\/b\tc\.[/]\\/X/gIme3pw /dev/null",
        ],
        r"",
        None,
        r"SED PROGRAM:
  1 p
  $ p
  /a/I p
  /b/M p
  0,/c/ p
  2~3 p
  4 p
  5,+2 p
  6,~4 p
  7,$! p
  !p
  :top
  b top
  b
  t top
  T
  {
    =
  }
  a\two
lines

  i\one-liner

  c\changed

  D
  d
  e ;e echo hi

  F
  g
  G
  h
  H
  l
  l 5
  n
  N
  P
  q
  q 3
  Q
  Q 4
  r rf
  R rf
  w/dev/null
  W/dev/null
  x
  z
  y/abc/xyz/
  s/a\/b\tc\\.[\/]\\\\/X/imgep3w/dev/null
",
        0,
    );
    // s replacements: references, case conversions as GNU groups them
    debug(
        &[
            r"-n",
            r"s/\(x\)\(y\)/&-\1\n\U\2\E\l\uA\L\t\\\/&/
s/\(x\)\(y\)/\L\u&/;s/\(x\)\(y\)/\u\L&/;s/\(x\)\(y\)/\u\1\2/;s/x/a\U/;s/x/\u&\u&/;s/x//
s,x,a\,b/c,;s/x/[\0]/;s/x/&&\&/",
        ],
        r"",
        None,
        r"SED PROGRAM:
  s/\\(x\\)\\(y\\)/&-\1
\U\2\E\l\uA\L	\/&/
  s/\\(x\\)\\(y\\)/\L\u&/
  s/\\(x\\)\\(y\\)/\u\L&/
  s/\\(x\\)\\(y\\)/\u\1\E\2/
  s/x/a/
  s/x/\u&\E\u&/
  s/x//
  s/x/a,b/c/
  s/x/[&]/
  s/x/&&&/
",
        0,
    );
    // y in the C locale: the changed bytes in byte order
    debug(
        &[r"-n", r"y/a\/\n\\/\t\\x\n/;y/ab/ab/"],
        r"",
        None,
        r"SED PROGRAM:
  y/
/\a/x\
	/
  y///
",
        0,
    );
    // y in a UTF-8 locale: the pairs as given
    debug(
        &[r"-n", r"y/a\/\n\\/\t\\x\n/;y/ab/ab/"],
        r"",
        Some("C.UTF-8"),
        r"SED PROGRAM:
  y/a/
\/	\x
/
  y/ab/ab/
",
        0,
    );
    // the trace: input names and lines, pattern and hold after commands, registers
    debug(
        &[r"-s", r"s/\(.\)/[\1]/;h;G;x;g;y/[]/<>/;$!N", r"-", r"f2"],
        r"a
b
",
        None,
        r"SED PROGRAM:
  s/\\(.\\)/[\1]/
  h
  G
  x
  g
  y/[]/<>/
  $! N
INPUT:   'STDIN' line 1
PATTERN: a
COMMAND: s/\\(.\\)/[\1]/
MATCHED REGEX REGISTERS
  regex[0] = 0-1 'a'
  regex[1] = 0-1 'a'
PATTERN: [a]
COMMAND: h
HOLD:    [a]
COMMAND: G
PATTERN: [a]\n[a]
COMMAND: x
PATTERN: [a]
HOLD:    [a]\n[a]
COMMAND: g
HOLD:    [a]\n[a]
COMMAND: y/[]/<>/
PATTERN: <a>\n<a>
COMMAND: $! N
PATTERN: <a>\n<a>\nb
END-OF-CYCLE:
<a>
<a>
b
INPUT:   'f2' line 1
PATTERN: x
COMMAND: s/\\(.\\)/[\1]/
MATCHED REGEX REGISTERS
  regex[0] = 0-1 'x'
  regex[1] = 0-1 'x'
PATTERN: [x]
COMMAND: h
HOLD:    [x]
COMMAND: G
PATTERN: [x]\n[x]
COMMAND: x
PATTERN: [x]
HOLD:    [x]\n[x]
COMMAND: g
HOLD:    [x]\n[x]
COMMAND: y/[]/<>/
PATTERN: <x>\n<x>
COMMAND: $! N
PATTERN: <x>\n<x>\ny
END-OF-CYCLE:
<x>
<x>
y
",
        0,
    );
    // registers stop at the first group that did not take part
    debug(
        &[r"-E", r"s/(a)(x)?(b)/y/;s/(y)(z?)/&/;s/q/Q/"],
        r"ab
",
        None,
        r"SED PROGRAM:
  s/(a)(x)?(b)/y/
  s/(y)(z?)/&/
  s/q/Q/
INPUT:   'STDIN' line 1
PATTERN: ab
COMMAND: s/(a)(x)?(b)/y/
MATCHED REGEX REGISTERS
  regex[0] = 0-2 'ab'
  regex[1] = 0-1 'a'
PATTERN: y
COMMAND: s/(y)(z?)/&/
MATCHED REGEX REGISTERS
  regex[0] = 0-1 'y'
  regex[1] = 0-1 'y'
  regex[2] = 1-1 ''
PATTERN: y
COMMAND: s/q/Q/
PATTERN: y
END-OF-CYCLE:
y
",
        0,
    );
    // a block not entered shows its }; d inside a block leaves the indent deeper, as GNU's
    debug(
        &[r"-n", r"/b/{p};$!{h;d};x;p"],
        r"a
b
c
",
        None,
        r"SED PROGRAM:
  /b/ {
    p
  }
  $! {
    h
    d
  }
  x
  p
INPUT:   'STDIN' line 1
PATTERN: a
COMMAND: /b/ {
COMMAND: }
COMMAND: $! {
COMMAND:   h
HOLD:    a
COMMAND:   d
END-OF-CYCLE:
INPUT:   'STDIN' line 2
PATTERN: b
COMMAND:   /b/ {
COMMAND:     p
b
COMMAND:   }
COMMAND:   $! {
COMMAND:     h
HOLD:    b
COMMAND:     d
END-OF-CYCLE:
INPUT:   'STDIN' line 3
PATTERN: c
COMMAND:     /b/ {
COMMAND:     }
COMMAND:     $! {
COMMAND:     }
COMMAND:     x
PATTERN: b
HOLD:    c
COMMAND:     p
b
END-OF-CYCLE:
",
        0,
    );
    // D with and without a newline; no end of cycle for either
    debug(
        &[r"$!N;P;D"],
        r"a
b
c
",
        None,
        r"SED PROGRAM:
  $! N
  P
  D
INPUT:   'STDIN' line 1
PATTERN: a
COMMAND: $! N
PATTERN: a\nb
COMMAND: P
a
COMMAND: D
PATTERN: b
COMMAND: $! N
PATTERN: b\nc
COMMAND: P
b
COMMAND: D
PATTERN: c
COMMAND: $! N
COMMAND: P
c
COMMAND: D
",
        0,
    );
    // n and N at the end of input
    debug(
        &[r"n;N"],
        r"a
b
c
",
        None,
        r"SED PROGRAM:
  n
  N
INPUT:   'STDIN' line 1
PATTERN: a
COMMAND: n
a
PATTERN: b
COMMAND: N
PATTERN: b\nc
END-OF-CYCLE:
b
c
",
        0,
    );
    // q prints and appends without an end of cycle; Q prints nothing
    debug(
        &[r"1a\
x
2q;3Q"],
        r"a
b
c
",
        None,
        r"SED PROGRAM:
  1 a\x

  2 q
  3 Q
INPUT:   'STDIN' line 1
PATTERN: a
COMMAND: 1 a\x

COMMAND: 2 q
COMMAND: 3 Q
END-OF-CYCLE:
a
x
INPUT:   'STDIN' line 2
PATTERN: b
COMMAND: 1 a\x

COMMAND: 2 q
b
",
        0,
    );
    // c on a range, i, = and l write at once
    debug(
        &[r"1i\
first
=;l;2,3c\
X"],
        r"a
b
c
",
        None,
        r"SED PROGRAM:
  1 i\first

  =
  l
  2,3 c\X

INPUT:   'STDIN' line 1
PATTERN: a
COMMAND: 1 i\first

first
COMMAND: =
1
COMMAND: l
a$
COMMAND: 2,3 c\X

END-OF-CYCLE:
a
INPUT:   'STDIN' line 2
PATTERN: b
COMMAND: 1 i\first

COMMAND: =
2
COMMAND: l
b$
COMMAND: 2,3 c\X

END-OF-CYCLE:
INPUT:   'STDIN' line 3
PATTERN: c
COMMAND: 1 i\first

COMMAND: =
3
COMMAND: l
c$
COMMAND: 2,3 c\X

X
END-OF-CYCLE:
",
        0,
    );
    // bytes outside printable ASCII
    debug(
        &[r"s/a/\o001\d255/"],
        b"a\x7f\x01~ \\\xc3\xa9
",
        None,
        b"SED PROGRAM:
  s/a/\x01\xff/
INPUT:   'STDIN' line 1
PATTERN: a\\o177\\o001~ \\\\\\o37777777703\\o37777777651
COMMAND: s/a/\x01\xff/
MATCHED REGEX REGISTERS
  regex[0] = 0-1 'a'
PATTERN: \\o001\\o37777777777\\o177\\o001~ \\\\\\o37777777703\\o37777777651
END-OF-CYCLE:
\x01\xff\x7f\x01~ \\\xc3\xa9
",
        0,
    );
    // a last line without newline: the trace goes on right after it
    debug(
        &[r"p"],
        r"a",
        None,
        r"SED PROGRAM:
  p
INPUT:   'STDIN' line 1
PATTERN: a
COMMAND: p
aEND-OF-CYCLE:

a",
        0,
    );
    // -z: the data ends in NUL, the trace in newlines
    debug(
        &[r"-z", r"s/a/x\n/;="],
        b"a\x00b\x00",
        None,
        b"SED PROGRAM:
  s/a/x
/
  =
INPUT:   'STDIN' line 1
PATTERN: a
COMMAND: s/a/x
/
MATCHED REGEX REGISTERS
  regex[0] = 0-1 'a'
PATTERN: x\\n
COMMAND: =
1\x00END-OF-CYCLE:
x
\x00INPUT:   'STDIN' line 2
PATTERN: b
COMMAND: s/a/x
/
PATTERN: b
COMMAND: =
2\x00END-OF-CYCLE:
b\x00",
        0,
    );
    // jumps to labels show the label command
    debug(
        &[r":a;N;$!ba;s/\n/,/g"],
        r"a
b
c
",
        None,
        r"SED PROGRAM:
  :a
  N
  $! b a
  s/\n/,/g
INPUT:   'STDIN' line 1
PATTERN: a
COMMAND: :a
COMMAND: N
PATTERN: a\nb
COMMAND: $! b a
COMMAND: :a
COMMAND: N
PATTERN: a\nb\nc
COMMAND: $! b a
COMMAND: s/\n/,/g
MATCHED REGEX REGISTERS
  regex[0] = 1-2 '
'
PATTERN: a,b,c
END-OF-CYCLE:
a,b,c
",
        0,
    );
    // e, s///e and w /dev/stdout. Once an `e` command has run, GNU 4.9
    // shows a NUL where its text's newline was (it cut the text in place
    // to run it); oxbox keeps showing the text as it was compiled.
    debug(
        &[
            r"-n",
            r"1w /dev/stdout
2e echo hi
3s/.*/echo X/ep",
        ],
        r"a
b
c
",
        None,
        b"SED PROGRAM:
  1 w/dev/stdout
  2 e echo hi

  3 s/.*/echo X/ep
INPUT:   'STDIN' line 1
PATTERN: a
COMMAND: 1 w/dev/stdout
a
COMMAND: 2 e echo hi

COMMAND: 3 s/.*/echo X/ep
END-OF-CYCLE:
INPUT:   'STDIN' line 2
PATTERN: b
COMMAND: 1 w/dev/stdout
COMMAND: 2 e echo hi

hi
COMMAND: 3 s/.*/echo X/ep
END-OF-CYCLE:
INPUT:   'STDIN' line 3
PATTERN: c
COMMAND: 1 w/dev/stdout
COMMAND: 2 e echo hi

COMMAND: 3 s/.*/echo X/ep
MATCHED REGEX REGISTERS
  regex[0] = 0-1 'c'
X
PATTERN: X
END-OF-CYCLE:
",
        0,
    );
}

#[test]
fn debug_with_in_place_editing() {
    // The trace goes to standard output; the file gets the edited text.
    let d = TempDir::new();
    d.write("f", "a\n");
    cmd("sed")
        .args(["--debug", "-i", "s/a/b/", "f"])
        .cwd(d.path())
        .run()
        .ok()
        .err("")
        .out(
            "SED PROGRAM:\n  s/a/b/\nINPUT:   'f' line 1\nPATTERN: a\nCOMMAND: s/a/b/\n\
             MATCHED REGEX REGISTERS\n  regex[0] = 0-1 'a'\nPATTERN: b\nEND-OF-CYCLE:\n",
        );
    assert_eq!(std::fs::read(d.join("f")).unwrap(), b"b\n");
    // A script that does not compile shows nothing on standard output.
    sed(&["--debug", "s/a"], "a\n")
        .status(1)
        .out("")
        .err("sed: -e expression #1, char 3: unterminated `s' command\n");
}

#[test]
fn backslash_ending_the_script_in_text() {
    // A lone backslash at the very end of a text adds nothing to it.
    sed(&["a foo\\"], "a\nb\n").ok().out("a\nfoo\nb\nfoo\n");
    sed(&["$a\\\\"], "a\nb\n").ok().out("a\nb\n\n");
    sed(&["a\\"], "a\n").ok().out("a\n");
    sed(&["-e", "a foo\\", "-e", "bar"], "a\n")
        .ok()
        .out("a\nfoo\nbar\n");
    sed(&["a x\\\\"], "a\n").ok().out("a\nx\\\n");
}

#[test]
fn v_refuses_a_later_version() {
    for v in ["v", "v 4.2", "v4.9", "v 4.8.99"] {
        sed(&[v], "a\n").ok().out("a\n");
    }
    for (v, at) in [
        ("v 4.10", 6),
        ("v 5", 3),
        ("v 4.9.1", 7),
        ("v x", 3),
        ("v 10.0", 6),
    ] {
        sed(&[v], "a\n").status(1).out("").err(format!(
            "sed: -e expression #1, char {at}: expected newer version of sed\n"
        ));
    }
}

#[test]
fn e_runs_the_shell_as_sh() {
    // The shell's messages name it `sh`, as GNU's popen does.
    let o = sed(&["e"], "nonexistent_cmd_x\n");
    // The empty output replaces the line, which is then printed.
    o.status(0).out("\n");
    assert!(o.stderr_str().starts_with("sh: "), "{:?}", o.stderr_str());
}

#[test]
fn ranges_as_gnu() {
    // Lines 1-10; each script's output is GNU sed 4.9's. A numeric first
    // address opens its range on the first line seen at or past it (and
    // not again); addr,N takes lines up to N, just the first one when N is
    // not ahead (none when addr was passed, not met); addr,~N and addr,+N
    // end on the first line seen at or past their end, which they take.
    let seq = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
    for (script, want) in [
        ("n;n;1,4p", "3"),
        ("n;n;1,+1p", "3 6"),
        ("n;n;/3/,1p", "3"),
        ("n;n;2,1p", ""),
        ("n;n;2,3p", "3"),
        ("n;n;2,~2p", "3 6"),
        ("n;n;/3/,~4p", "3 6"),
        ("n;n;4,/6/p", "6 9"),
        ("1d;1,3p", "2 3"),
        ("2,~2p", "2 3 4"),
        ("4,~2p", "4 5 6"),
        ("3,~2p", "3 4"),
        ("/4/,~4p", "4 5 6 7 8"),
        ("2,~0p", "2"),
        ("2,~1p", "2 3"),
        ("0,/3/p", "1 2 3"),
        ("5,3p", "5"),
    ] {
        let out = sed(&["-n", script], seq);
        out.ok();
        let got = out
            .stdout_str()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(got, want, "{script}");
    }
}

#[test]
fn ranges_restart_in_each_file_with_s() {
    let c = cmd("sed").args(["-s", "-n", "2,/x/p;/2/,4=;0,/1/p", "f", "f"]);
    std::fs::write(c.dir().join("f"), "1\n2\n3\n").unwrap();
    c.run().ok().out("1\n2\n2\n3\n3\n1\n2\n2\n3\n3\n");
}

#[test]
fn bang_without_an_address_never_applies() {
    sed(&["!d"], "1\n2\n").ok().out("1\n2\n");
    sed(&["-n", "1!p;!p;$!{!p}"], "1\n2\n").ok().out("2\n");
}

#[test]
fn labels_end_as_in_gnu() {
    // A label ends at white space, `;`, `}` or `#`; what follows is the
    // next command.
    sed(&["-n", "/x/{s/x/y/;by};p;:y;s/$/!/p"], "x\n")
        .ok()
        .out("y!\n");
    sed(&["-n", ":a p;bx p;:x"], "x\n").ok().out("x\n");
    sed(&["-n", "bx#comment\np;:x"], "x\n").ok().out("");
    sed(&["-n", "{:a};p"], "x\n").ok().out("x\n");
    sed(&["-n", ":x};p"], "x\n")
        .status(1)
        .err("sed: -e expression #1, char 3: unexpected `}'\n");
}

#[test]
fn eq_and_f_end_with_the_line_separator() {
    // With -z, = and F end in NUL as GNU's do.
    sed(&["-z", "=;F"], "a\0b\0")
        .ok()
        .out("1\0-\0a\x002\0-\0b\0");
    sed(&["=;F"], "a\n").ok().out("1\n-\na\n");
}
