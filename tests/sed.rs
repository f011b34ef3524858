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

// The cases below were each run through GNU sed 4.9 (/usr/bin/sed) in the
// C locale; the expected stdout, stderr and status are its.

/// `sed ARGS` on `stdin` in a directory holding f2 (x, y), rf (r1, r2),
/// nn (`nonl`, no final newline), an empty directory `dir` and, when
/// given, the script file sf; checks GNU's stdout, stderr and status.
#[track_caller]
fn gnu_in(sf: Option<&str>, args: &[&str], stdin: &[u8], out: &[u8], err: &[u8], status: i32) {
    let c = cmd("sed").args(args).stdin(stdin);
    let d = c.dir();
    std::fs::write(d.join("f2"), "x\ny\n").unwrap();
    std::fs::write(d.join("rf"), "r1\nr2\n").unwrap();
    std::fs::write(d.join("nn"), "nonl").unwrap();
    std::fs::create_dir(d.join("dir")).unwrap();
    if let Some(s) = sf {
        std::fs::write(d.join("sf"), s).unwrap();
    }
    let o = c.run();
    o.out(out).err(err).status(status);
}

#[track_caller]
fn gnu(args: &[&str], stdin: &[u8], out: &[u8], err: &[u8], status: i32) {
    gnu_in(None, args, stdin, out, err, status);
}

#[track_caller]
fn gnu_file(sf: &str, args: &[&str], stdin: &[u8], out: &[u8], err: &[u8], status: i32) {
    gnu_in(Some(sf), args, stdin, out, err, status);
}

#[test]
fn zero_terminated_m_flag_anchors_at_nul() {
    // With -z, M's `^` and `$` match around the NULs that N leaves in the
    // pattern space (not around newlines), and `.` and `[^…]` match
    // neither, as GNU's. Both engines: the groups go to the C library.
    let t = b"a\nb\0c\0";
    gnu(
        &["-z", r"N;s/^/>/Mg;s/$/</Mg"],
        t,
        b">a\nb<\x00>c<\x00",
        b"",
        0,
    );
    gnu(&["-z", r"N;s/a.b/X/M"], t, b"a\nb\x00c\x00", b"", 0);
    gnu(&["-z", r"N;s/b.c/X/M"], t, b"a\nb\x00c\x00", b"", 0);
    gnu(&["-z", r"N;s/b.c/X/"], t, b"a\nX\x00", b"", 0);
    gnu(&["-z", r"N;s/b[^a]c/X/M"], t, b"a\nb\x00c\x00", b"", 0);
    gnu(&["-z", r"N;s/a[^b]b/X/"], t, b"X\x00c\x00", b"", 0);
    gnu(
        &["-z", r"N;s/\(.\)$/[\1]/Mg"],
        t,
        b"a\n[b]\x00[c]\x00",
        b"",
        0,
    );
    gnu(
        &["-z", r"N;s/^\(.\)/[\1]/Mg"],
        t,
        b"[a]\nb\x00[c]\x00",
        b"",
        0,
    );
    gnu(
        &["-z", r"N;s/\(b\)\(.\)/\2\1/M"],
        t,
        b"a\nb\x00c\x00",
        b"",
        0,
    );
    gnu(&["-z", r"N;/^c/Ms/c/C/"], t, b"a\nb\x00C\x00", b"", 0);
    gnu(&["-z", r"N;/b$/Ms/a/A/"], t, b"A\nb\x00c\x00", b"", 0);
    gnu(&["-z", r"N;/a$/Ms/a/A/"], t, b"a\nb\x00c\x00", b"", 0);
}

#[test]
fn nul_bytes_in_the_pattern_space() {
    // A NUL is an ordinary byte for `.`, `[^…]` and `\x00`, also where the
    // C library's matcher runs (groups, back-references), whose strings
    // end at NUL: it sees the NULs as a byte the line does not hold.
    let t = b"a\0b\n";
    gnu(&[r"s/\x00/X/"], t, b"aXb\n", b"", 0);
    gnu(&[r"s/\(a\)\o000/\1X/"], t, b"aXb\n", b"", 0);
    gnu(&[r"s/a.b/X/"], t, b"X\n", b"", 0);
    gnu(&[r"s/\(a\).b/\1X/"], t, b"aX\n", b"", 0);
    gnu(&[r"s/a[^x]b/X/"], t, b"X\n", b"", 0);
    gnu(
        &[r"s/\(.\)\1/<\1\1>/g"],
        b"\0\0a\x01\x01\n",
        b"<\0\0>a<\x01\x01>\n",
        b"",
        0,
    );
    gnu(&[r"s/\(b\).\(c\)/\2\1/"], b"a\0b\0c\n", b"a\0cb\n", b"", 0);
    gnu(
        &["-z", r"N;s/\(b\).\(c\)/\2\1/"],
        b"a\nb\0c\0",
        b"a\ncb\0",
        b"",
        0,
    );
    gnu(
        &["-z", r"N;s/\(b\)\(.\)/\2\1/"],
        b"a\nb\0c\0",
        b"a\n\0bc\0",
        b"",
        0,
    );
}

#[test]
fn strict_ere_errors_as_gnu() {
    // sed -E reads GNU's POSIX_EXTENDED syntax: a repetition operator with
    // nothing to repeat, and a `{` that starts no interval, are errors
    // (grep -E takes them as literals).
    let t = b"a+ab{1\n";
    let e = |msg: &str| format!("sed: -e expression #1, {msg}\n").into_bytes();
    let prec = "Invalid preceding regular expression";
    gnu(
        &["-E", "s/+a/X/"],
        t,
        b"",
        &e(&format!("char 7: {prec}")),
        1,
    );
    gnu(
        &["-E", "s/a|*b/X/"],
        t,
        b"",
        &e(&format!("char 9: {prec}")),
        1,
    );
    gnu(
        &["-E", "s/(*a)/X/"],
        t,
        b"",
        &e(&format!("char 9: {prec}")),
        1,
    );
    gnu(
        &["-E", "s/b$*/X/"],
        t,
        b"",
        &e(&format!("char 8: {prec}")),
        1,
    );
    gnu(
        &["-E", "s/^*a/X/"],
        t,
        b"",
        &e(&format!("char 8: {prec}")),
        1,
    );
    gnu(&["-E", "s/{/X/"], t, b"", &e(&format!("char 6: {prec}")), 1);
    // So is one after a word assertion or a buffer anchor.
    for (script, at) in [
        (r"s/\b?//", 7),
        (r"s/\<*/X/", 8),
        (r"s/a\>+/X/", 9),
        (r"s/\B{2}/X/", 10),
        (r"s/\`*/X/", 8),
        (r"s/x|\'*/X/", 10),
    ] {
        gnu(
            &["-E", script],
            t,
            b"",
            &e(&format!("char {at}: {prec}")),
            1,
        );
    }
    // A back-reference to a group of an earlier branch is refused; one
    // to a group closed before the alternation, or after it, is not.
    let aa = b"aa\n";
    let bad = "Invalid back reference";
    gnu(
        &["-E", r"s/(a)|\1/X/"],
        aa,
        b"",
        &e(&format!("char 11: {bad}")),
        1,
    );
    gnu(
        &["-E", r"s/((a)|\2)/X/"],
        aa,
        b"",
        &e(&format!("char 13: {bad}")),
        1,
    );
    gnu(
        &[r"s/\(a\)\|\1/X/"],
        aa,
        b"",
        &e(&format!("char 14: {bad}")),
        1,
    );
    gnu(&["-E", r"s/(a)(b|\1)/X/"], aa, b"X\n", b"", 0);
    gnu(&["-E", r"s/((a)|b)\2/X/"], aa, b"X\n", b"", 0);
    let out = cmd("grep").args(["-Ec", r"(a)|b\1"]).stdin(&aa[..]).run();
    out.status(2).out("").err("grep: Invalid back reference\n");
    // grep -E takes them.
    let out = cmd("grep").args(["-Ec", r"a\>+"]).stdin(&t[..]).run();
    out.ok().out("1\n");
    gnu(&["-E", "s/a{1/X/"], t, b"", &e(r"char 8: Unmatched \{"), 1);
    gnu(
        &["-E", "s/a{1,2/X/"],
        t,
        b"",
        &e(r"char 10: Unmatched \{"),
        1,
    );
    gnu(
        &["-E", "s/a{x}/X/"],
        t,
        b"",
        &e(r"char 9: Invalid content of \{\}"),
        1,
    );
    gnu(&["-E", "s/a**/X/"], t, b"X+ab{1\n", b"", 0);
    gnu(&["-E", "s/a{,2}/X/"], t, b"X+ab{1\n", b"", 0);
    gnu(&["-E", "s/a||b/X/"], t, b"X+ab{1\n", b"", 0);
    gnu(&["-E", "s/x{1}*/X/"], t, b"Xa+ab{1\n", b"", 0);
    gnu(&["-E", "s/a(|b)/X/"], t, b"X+ab{1\n", b"", 0);
    // A BRE is unchanged: a leading `*` is literal.
    gnu(&["s/*a/X/"], b"*a\n", b"X\n", b"", 0);
    // In a BRE, POSIX's `*` and `\{` may not follow another repetition
    // (GNU's `\+` and `\?` may); grep takes `a\{2\}*` as `\(a\{2\}\)*`.
    let a = b"aaaaa\n";
    gnu(&[r"s/a**/[&]/"], a, b"", &e(&format!("char 10: {prec}")), 1);
    gnu(
        &[r"s/a\{2\}*/[&]/"],
        a,
        b"",
        &e(&format!("char 14: {prec}")),
        1,
    );
    gnu(
        &[r"s/a\?*/[&]/"],
        a,
        b"",
        &e(&format!("char 11: {prec}")),
        1,
    );
    gnu(
        &[r"s/a\?\{2\}/[&]/"],
        a,
        b"",
        &e(&format!("char 15: {prec}")),
        1,
    );
    gnu(
        &[r"s/\(a\)*\{2\}/[&]/"],
        a,
        b"",
        &e(&format!("char 18: {prec}")),
        1,
    );
    gnu(&[r"s/a*\?/[&]/"], a, b"[aaaaa]\n", b"", 0);
    gnu(&[r"s/a\{2\}\+/[&]/"], a, b"[aaaa]a\n", b"", 0);
    gnu(&[r"s/a\?\?/[&]/"], a, b"[a]aaaa\n", b"", 0);
    gnu(&[r"s/\(a*\)*/[&]/"], a, b"[aaaaa]\n", b"", 0);
    gnu(&["-E", r"s/a{2}*/[&]/"], a, b"[aaaa]a\n", b"", 0);
    case("grep", &["-o", r"a\{2\}*"], "aaaaa\n", "aaaa\n");
    // A BRE's second `^` is literal, as a `*` after the anchor is.
    gnu(&["s/^^/X/"], b"^a\nab\n", b"Xa\nab\n", b"", 0);
    gnu(&["s/^*/X/"], b"*a\nab\n", b"Xa\nab\n", b"", 0);
    case("grep", &["-c", "^^a"], "^^a\n^a\na\n", "1\n");
    // So is a BRE `*`, `\+` or `\?` after `\<`, `\>`, `\b` or `\B`.
    gnu(&[r"s/a\>*/X/"], b"a*\n", b"X\n", b"", 0);
    case("grep", &["-o", r"\>\+"], "a+\nb\n", "+\n");
    case("grep", &["-Eo", r"a\>*"], "a*\n", "a\n");
    case("grep", &["-c", r"o\w\b\+"], "foo+\nfoo\n", "1\n");
    case("grep", &["-o", r"\(a\{2\}\)*b\1"], "aaaabaa\n", "aaaabaa\n");
}

#[test]
fn commands_as_gnu() {
    // Each command, with and without an address or `!`.
    gnu(&["-n", "2{p;p}"], b"1\n2\n3\n", b"2\n2\n", b"", 0);
    gnu(&["="], b"1\n2\n3\n", b"1\n1\n2\n2\n3\n3\n", b"", 0);
    gnu(&["-n", "$="], b"1\n2\n3\n", b"3\n", b"", 0);
    gnu(&["2!d"], b"1\n2\n3\n", b"2\n", b"", 0);
    gnu(&["1,2!d"], b"1\n2\n3\n", b"1\n2\n", b"", 0);
    gnu(&["1!{p}"], b"1\n2\n3\n", b"1\n2\n2\n3\n3\n", b"", 0);
    gnu(
        &["1!!p"],
        b"1\n2\n3\n",
        b"",
        b"sed: -e expression #1, char 3: multiple `!'s\n",
        1,
    );
    gnu(&["b;p"], b"1\n2\n3\n", b"1\n2\n3\n", b"", 0);
    gnu(&["2bx;s/$/!/;:x"], b"1\n2\n3\n", b"1!\n2\n3!\n", b"", 0);
    gnu(&["2d"], b"1\n2\n3\n", b"1\n3\n", b"", 0);
    gnu(&["1{h;d};G"], b"1\n2\n3\n", b"2\n1\n3\n1\n", b"", 0);
    gnu(&["G"], b"1\n2\n3\n", b"1\n\n2\n\n3\n\n", b"", 0);
    gnu(&["H;$!d;x"], b"1\n2\n3\n", b"\n1\n2\n3\n", b"", 0);
    gnu(&["H;$!d;g"], b"1\n2\n3\n", b"\n1\n2\n3\n", b"", 0);
    gnu(&["x"], b"1\n2\n3\n", b"\n1\n2\n", b"", 0);
    gnu(&["1!G;h;$!d"], b"1\n2\n3\n", b"3\n2\n1\n", b"", 0);
    gnu(&["n;d"], b"1\n2\n3\n", b"1\n3\n", b"", 0);
    gnu(&["-n", "n;p"], b"1\n2\n3\n", b"2\n", b"", 0);
    gnu(&["$!N;s/\\n/-/"], b"1\n2\n3\n", b"1-2\n3\n", b"", 0);
    // GNU prints the pattern space when N finds no next line (POSIXLY_CORRECT would not).
    gnu(&["N;s/\\n/-/"], b"1\n2\n3\n", b"1-2\n3\n", b"", 0);
    gnu(&["-n", "N;P"], b"1\n2\n3\n", b"1\n", b"", 0);
    gnu(&["N;P;D"], b"1\n2\n3\n", b"1\n2\n3\n", b"", 0);
    // D with a newline restarts the cycle without reading a line.
    gnu(
        &["-n", "1{N;N};P;D"],
        b"a\nb\nc\nd\n",
        b"a\nb\nc\nd\n",
        b"",
        0,
    );
    gnu(&["$!N;D"], b"a\nb\nc\n", b"", b"", 0);
    gnu(&["D"], b"a\nb\n", b"", b"", 0);
    gnu(&["s/2/X/;t;s/$/!/"], b"1\n2\n3\n", b"1!\nX\n3!\n", b"", 0);
    gnu(&["s/2/X/;T;s/$/!/"], b"1\n2\n3\n", b"1\nX!\n3\n", b"", 0);
    gnu(
        &["s/2/X/;s/3/Y/;tx;b;:x;s/$/!/"],
        b"1\n2\n3\n",
        b"1\nX!\nY!\n",
        b"",
        0,
    );
    gnu(&["y/123/abc/"], b"1\n2\n3\n", b"a\nb\nc\n", b"", 0);
    gnu(&[":a;$!{N;ba};s/\\n/+/g"], b"1\n2\n3\n", b"1+2+3\n", b"", 0);
    gnu(
        &["#comment\np"],
        b"1\n2\n3\n",
        b"1\n1\n2\n2\n3\n3\n",
        b"",
        0,
    );
    gnu(
        &["p # comment"],
        b"1\n2\n3\n",
        b"1\n1\n2\n2\n3\n3\n",
        b"",
        0,
    );
    gnu(&["2z"], b"1\n2\n3\n", b"1\n\n3\n", b"", 0);
    gnu(&["z;G"], b"1\n2\n3\n", b"\n\n\n\n\n\n", b"", 0);
    // x on the first line gives the empty hold space; G and H on an empty hold add just a newline.
    gnu(&["x"], b"a\nb\n", b"\na\n", b"", 0);
    gnu(&["G"], b"a\n", b"a\n\n", b"", 0);
    gnu(&["H;x"], b"a\n", b"\na\n", b"", 0);
    gnu(&["F"], b"1\n2\n3\n", b"-\n1\n-\n2\n-\n3\n", b"", 0);
    gnu(&["F", "-"], b"1\n2\n3\n", b"-\n1\n-\n2\n-\n3\n", b"", 0);
    gnu(&["F", "f2"], b"", b"f2\nx\nf2\ny\n", b"", 0);
    gnu(&["2e echo hi"], b"1\n2\n3\n", b"1\nhi\n2\n3\n", b"", 0);
    gnu(&["v"], b"1\n2\n3\n", b"1\n2\n3\n", b"", 0);
    gnu(&["v 4.2"], b"1\n2\n3\n", b"1\n2\n3\n", b"", 0);
}

#[test]
fn quit_and_exit_codes() {
    gnu(&["2q"], b"1\n2\n3\n", b"1\n2\n", b"", 0);
    gnu(&["2q7"], b"1\n2\n3\n", b"1\n2\n", b"", 7);
    gnu(&["2Q7"], b"1\n2\n3\n", b"1\n", b"", 7);
    gnu(&["Q"], b"1\n2\n3\n", b"", b"", 0);
    gnu(&["q;p"], b"1\n2\n3\n", b"1\n", b"", 0);
    gnu(&["-n", "2q5"], b"1\n2\n3\n", b"", b"", 5);
    gnu(&["2{p;Q3}"], b"1\n2\n3\n", b"1\n2\n", b"", 3);
    gnu(&["1a x\n1q"], b"1\n2\n3\n", b"1\nx\n", b"", 0);
}

#[test]
fn text_commands() {
    // a, i and c: one-liners, the POSIX form, blanks, ranges.
    gnu(&["a hello"], b"1\n2\n", b"1\nhello\n2\nhello\n", b"", 0);
    // Blanks after `a` are skipped; after `a\` they are kept.
    gnu(&["a   hello"], b"1\n2\n", b"1\nhello\n2\nhello\n", b"", 0);
    gnu(
        &["a\\   hello"],
        b"1\n2\n",
        b"1\n   hello\n2\n   hello\n",
        b"",
        0,
    );
    gnu(
        &["a\\\n  hello\\\nworld"],
        b"1\n2\n",
        b"1\n  hello\nworld\n2\n  hello\nworld\n",
        b"",
        0,
    );
    gnu(&["1a\\"], b"1\n2\n", b"1\n2\n", b"", 0);
    gnu(
        &["-e", "1i\\", "-e", "foo"],
        b"1\n2\n",
        b"foo\n1\n2\n",
        b"",
        0,
    );
    gnu(&["$i\\\nX"], b"1\n2\n", b"1\nX\n2\n", b"", 0);
    gnu(&["1i\\  ins"], b"1\n2\n", b"  ins\n1\n2\n", b"", 0);
    gnu(
        &["a one\\ntwo"],
        b"1\n2\n",
        b"1\none\ntwo\n2\none\ntwo\n",
        b"",
        0,
    );
    gnu(&["a\\ttab"], b"1\n2\n", b"1\nttab\n2\nttab\n", b"", 0);
    // c on a range prints its text once, at the range end; with ! on every other line.
    gnu(&["2,3c\\\nX"], b"1\n2\n3\n", b"1\nX\n", b"", 0);
    gnu(&["2,3!c\\\nX"], b"1\n2\n3\n", b"X\n2\n3\n", b"", 0);
    gnu(&["$!c X"], b"1\n2\n3\n", b"X\nX\n3\n", b"", 0);
    gnu(&["2c X"], b"1\n2\n3\n", b"1\nX\n3\n", b"", 0);
    gnu(&["/2/,/nomatch/c X"], b"1\n2\n3\n", b"1\n", b"", 0);
    // Inside a block, c prints its text on every line.
    gnu(&["2,3{c X\n}"], b"1\n2\n3\n", b"1\nX\nX\n", b"", 0);
    gnu(&["-n", "2{c X\n}"], b"1\n2\n3\n", b"X\n", b"", 0);
    gnu(
        &["1a app\n1r rf\n1i ins"],
        b"1\n2\n3\n",
        b"ins\n1\napp\nr1\nr2\n2\n3\n",
        b"",
        0,
    );
    // `a` and a newline: an empty line of text.
    gnu(
        &["a\nfoo"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 3: unknown command: `f'\n",
        1,
    );
    gnu(&["a\n"], b"x\n", b"x\n\n", b"", 0);
    gnu(
        &["a"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 1: expected \\ after `a', `c' or `i'\n",
        1,
    );
    gnu(
        &["-e", "a", "-e", "foo"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 1: expected \\ after `a', `c' or `i'\n",
        1,
    );
    gnu(&["1i\t\np"], b"x\n", b"\nx\nx\n", b"", 0);
}

#[test]
fn read_and_write_files() {
    // r, R, w and W.
    gnu(&["2r rf"], b"1\n2\n3\n", b"1\n2\nr1\nr2\n3\n", b"", 0);
    gnu(&["$r rf"], b"1\n2\n3\n", b"1\n2\n3\nr1\nr2\n", b"", 0);
    // A missing file adds nothing.
    gnu(&["r nosuch"], b"1\n2\n3\n", b"1\n2\n3\n", b"", 0);
    gnu(&["R nosuch"], b"1\n2\n3\n", b"1\n2\n3\n", b"", 0);
    gnu(&["R rf"], b"1\n2\n3\n", b"1\nr1\n2\nr2\n3\n", b"", 0);
    // r copies a file without a final newline as it is; R a last line too.
    gnu(&["r nn"], b"1\n2\n3\n", b"1\nnonl2\nnonl3\nnonl", b"", 0);
    gnu(&["R nn"], b"1\n2\n3\n", b"1\nnonl2\n3\n", b"", 0);
    gnu(&["$R nn"], b"1\n2\n3\n", b"1\n2\n3\nnonl", b"", 0);
    gnu(&["R nn\nR nn"], b"1\n2\n3\n", b"1\nnonl2\n3\n", b"", 0);
    gnu(
        &["1r rf\n1a app"],
        b"1\n2\n3\n",
        b"1\nr1\nr2\napp\n2\n3\n",
        b"",
        0,
    );
    gnu(&["-n", "w out\n$r out"], b"1\n2\n3\n", b"", b"", 0);
    gnu(
        &["w out\n2w out\n$r out"],
        b"1\n2\n3\n",
        b"1\n2\n3\n",
        b"",
        0,
    );
    gnu(
        &["s/1/X/w out\nw out\n$r out"],
        b"1\n2\n3\n",
        b"X\n2\n3\n",
        b"",
        0,
    );
    gnu(&["-n", "W out\n$r out"], b"1\n2\n3\n", b"", b"", 0);
    gnu(&["N;W /dev/stdout"], b"1\n2\n3\n", b"1\n1\n2\n3\n", b"", 0);
    gnu(&["-n", "1w /dev/stderr"], b"1\n2\n3\n", b"", b"1\n", 0);
}

#[test]
fn list_command() {
    gnu(
        &["-n", "l"],
        b"a\tb\\\x01\x80\x07\x08\x0c\x0b\x0d\n",
        b"a\\tb\\\\\\001\\200\\a\\b\\f\\v\\r$\n",
        b"",
        0,
    );
    gnu(
        &["-n", "l 6"],
        b"abcdefghijklmnop\n",
        b"abcde\\\nfghij\\\nklmno\\\np$\n",
        b"",
        0,
    );
    gnu(
        &["-n", "-l", "6", "l"],
        b"abcdefghijklmnop\n",
        b"abcde\\\nfghij\\\nklmno\\\np$\n",
        b"",
        0,
    );
    gnu(
        &["-n", "l 0"],
        b"abcdefghijklmnop\n",
        b"abcdefghijklmnop$\n",
        b"",
        0,
    );
    gnu(
        &["-n", "-l", "6", "l 3"],
        b"abcdefghijklmnop\n",
        b"ab\\\ncd\\\nef\\\ngh\\\nij\\\nkl\\\nmn\\\nop$\n",
        b"",
        0,
    );
    gnu(
        &["-n", "l 2"],
        b"abcdefghijklmnop\n",
        b"a\\\nb\\\nc\\\nd\\\ne\\\nf\\\ng\\\nh\\\ni\\\nj\\\nk\\\nl\\\nm\\\nn\\\no\\\np$\n",
        b"",
        0,
    );
    gnu(&["-n", "N;l"], b"a\nb\n", b"a\\nb$\n", b"", 0);
    gnu(&["l"], b"abc", b"abc$\nabc", b"", 0);
}

#[test]
fn addresses_as_gnu() {
    gnu(
        &["-n", "$p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"10\n",
        b"",
        0,
    );
    gnu(
        &["-n", "/1/p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"1\n10\n",
        b"",
        0,
    );
    gnu(
        &["-n", "\\,1,p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"1\n10\n",
        b"",
        0,
    );
    gnu(&["-n", "\\,a\\,b,p"], b"a,b\nab\n", b"a,b\n", b"", 0);
    gnu(&["-n", "\\|a\\|b|p"], b"a|b\nab\n", b"a|b\n", b"", 0);
    gnu(
        &["-n", "\\xa\\xxbxp"],
        b"axb\nab\n",
        b"",
        b"sed: can't find label for jump to `xp'\n",
        4,
    );
    gnu(&["-n", "/abc/Ip"], b"ABC\nabc\n", b"ABC\nabc\n", b"", 0);
    gnu(&["-n", "$!N;/^b/Mp"], b"a\nb\n", b"a\nb\n", b"", 0);
    gnu(&["-n", "$!N;/^b/p"], b"a\nb\n", b"", b"", 0);
    gnu(&["-n", "$!N;/a$/Mp"], b"a\nb\n", b"a\nb\n", b"", 0);
    // An empty regex is the last one used, in an address and in s.
    gnu(
        &["-n", "/foo/{//p}"],
        b"foo\nbar\nfoo\n",
        b"foo\nfoo\n",
        b"",
        0,
    );
    gnu(
        &["s/o/0/;s//O/"],
        b"foo\nbar\nfoo\n",
        b"f0O\nbar\nf0O\n",
        b"",
        0,
    );
    gnu(
        &["/o/s//0/g"],
        b"foo\nbar\nfoo\n",
        b"f00\nbar\nf00\n",
        b"",
        0,
    );
    gnu(
        &["s//x/"],
        b"foo\n",
        b"",
        b"sed: -e expression #1, char 0: no previous regular expression\n",
        1,
    );
    gnu(
        &["-n", "0,/1/p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"1\n",
        b"",
        0,
    );
    gnu(
        &["-n", "1,/1/p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"",
        0,
    );
    gnu(
        &["-n", "0,5p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"",
        b"sed: -e expression #1, char 4: invalid usage of line address 0\n",
        1,
    );
    gnu(
        &["-n", "0p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"",
        b"sed: -e expression #1, char 2: invalid usage of line address 0\n",
        1,
    );
    gnu(
        &["-n", "0~3p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"3\n6\n9\n",
        b"",
        0,
    );
    gnu(
        &["-n", "1~3p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"1\n4\n7\n10\n",
        b"",
        0,
    );
    gnu(
        &["-n", "2~0p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"2\n",
        b"",
        0,
    );
    // 0~0 is line 0.
    gnu(
        &["-n", "0~0p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"",
        b"sed: -e expression #1, char 4: invalid usage of line address 0\n",
        1,
    );
    gnu(
        &["-n", "0~0,/3/p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"1\n2\n3\n",
        b"",
        0,
    );
    gnu(
        &["-n", "10~3p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"10\n",
        b"",
        0,
    );
    gnu(
        &["-n", "/2/,+2p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"2\n3\n4\n",
        b"",
        0,
    );
    gnu(
        &["-n", "/2/,~4p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"2\n3\n4\n",
        b"",
        0,
    );
    gnu(
        &["-n", "8,~4p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"8\n9\n10\n",
        b"",
        0,
    );
    gnu(
        &["-n", "5,2p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"5\n",
        b"",
        0,
    );
    gnu(
        &["-n", "/5/,2p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"5\n",
        b"",
        0,
    );
    gnu(
        &["-n", "/5/,/nomatch/p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"5\n6\n7\n8\n9\n10\n",
        b"",
        0,
    );
    gnu(
        &["-n", "/[13579]/,/[13579]/p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"1\n2\n3\n5\n6\n7\n9\n10\n",
        b"",
        0,
    );
    gnu(
        &["-n", "2,4   !   p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"1\n5\n6\n7\n8\n9\n10\n",
        b"",
        0,
    );
    gnu(
        &["-n", "2  !p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"1\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"",
        0,
    );
    gnu(
        &["-n", "$,1p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"10\n",
        b"",
        0,
    );
    gnu(
        &["-n", "/3/,$!p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"1\n2\n",
        b"",
        0,
    );
    // A second address first~step ends the range on the first line it matches, the first one included.
    gnu(
        &["-n", "2,5~3p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"2\n3\n4\n5\n",
        b"",
        0,
    );
    gnu(
        &["-n", "2,1~3p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"2\n3\n4\n",
        b"",
        0,
    );
    gnu(
        &["-n", "5,2~4p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"5\n6\n",
        b"",
        0,
    );
    gnu(
        &["-n", "2,2~3p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"2\n",
        b"",
        0,
    );
    gnu(
        &["-n", "/5/,8~0p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"5\n6\n7\n8\n",
        b"",
        0,
    );
    gnu(
        &["-n", "n;n;1,2~5p"],
        b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        b"3\n6\n9\n",
        b"",
        0,
    );
}

#[test]
fn substitute_flags() {
    gnu(&["s/a/X/g"], b"aaa\nbab\n", b"XXX\nbXb\n", b"", 0);
    gnu(&["-n", "s/a/X/p"], b"aaa\nbab\n", b"Xaa\nbXb\n", b"", 0);
    gnu(&["s/a/X/2"], b"aaa\nbab\n", b"aXa\nbab\n", b"", 0);
    gnu(&["s/a/X/4"], b"aaa\nbab\n", b"aaa\nbab\n", b"", 0);
    gnu(
        &["s/a/X/gw out\n$r out"],
        b"aaa\nbab\n",
        b"XXX\nbXb\n",
        b"",
        0,
    );
    gnu(
        &["-n", "s/a/X/pw out\n$r out"],
        b"aaa\nbab\n",
        b"Xaa\nbXb\n",
        b"",
        0,
    );
    gnu(&["s/A/X/i"], b"aaa\nbab\n", b"Xaa\nbXb\n", b"", 0);
    gnu(&["s/A/X/Ig"], b"aaa\nbab\n", b"XXX\nbXb\n", b"", 0);
    gnu(&["N;s/^b/X/m"], b"a\nb\n", b"a\nX\n", b"", 0);
    gnu(&["N;s/.$/X/Mg"], b"a\nb\n", b"X\nX\n", b"", 0);
    gnu(&["s/.*/echo X&/e"], b"ab\n", b"Xab\n", b"", 0);
    // Blanks between the flags are skipped.
    gnu(&["s/x/y/ g"], b"xx\n", b"yy\n", b"", 0);
    gnu(&["s/x/y/ 2 p"], b"xx\n", b"xy\nxy\n", b"", 0);
    gnu(
        &["s/x/y/ x"],
        b"xx\n",
        b"",
        b"sed: -e expression #1, char 8: unknown option to `s'\n",
        1,
    );
}

#[test]
fn substitute_replacement() {
    gnu(&["s/b/&&/;s/a/\\&/"], b"ab\n", b"&bb\n", b"", 0);
    gnu(&["s/\\(a\\)\\(b\\)\\(c\\)\\(d\\)\\(e\\)\\(f\\)\\(g\\)\\(h\\)\\(i\\)/\\9\\8\\7\\6\\5\\4\\3\\2\\1/"], b"abcdefghij\n", b"ihgfedcbaj\n", b"", 0);
    // \10 is group 1 and a 0.
    gnu(
        &["-E", "s/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)/\\10/"],
        b"abcdefghij\n",
        b"a0\n",
        b"",
        0,
    );
    gnu(&["s/a/x\\ny/"], b"ab\n", b"x\nyb\n", b"", 0);
    gnu(&["s/a/x\\\ny/"], b"ab\n", b"x\nyb\n", b"", 0);
    gnu(&["N;s/a\\nb/-/"], b"a\nb\n", b"-\n", b"", 0);
    gnu(
        &["s/\\w\\+/\\u&/g"],
        b"hello world\n",
        b"Hello World\n",
        b"",
        0,
    );
    gnu(&["s/.*/\\U&/"], b"hello world\n", b"HELLO WORLD\n", b"", 0);
    gnu(&["s/.*/\\L&/"], b"HELLO World\n", b"hello world\n", b"", 0);
    gnu(
        &["s/\\(hello\\) \\(world\\)/\\U\\1\\E \\2/"],
        b"hello world\n",
        b"HELLO world\n",
        b"",
        0,
    );
    gnu(
        &["s/\\(hello\\) \\(world\\)/\\u\\1 \\l\\U\\2/"],
        b"hello world\n",
        b"Hello WORLD\n",
        b"",
        0,
    );
    gnu(
        &["s/hello/\\Ufoo\\Ebar/"],
        b"hello world\n",
        b"FOObar world\n",
        b"",
        0,
    );
    gnu(
        &["s/hello/\\L\\uFOO/"],
        b"hello world\n",
        b"Foo world\n",
        b"",
        0,
    );
    gnu(&["s/a/\\t/"], b"ab\n", b"\tb\n", b"", 0);
    gnu(&["s/a/\\x41\\o102\\d67/"], b"ab\n", b"ABCb\n", b"", 0);
}

#[test]
fn substitute_delimiters_and_empty_matches() {
    gnu(&["s|a|b|"], b"a|b\n", b"b|b\n", b"", 0);
    gnu(&["s|a\\|b|X|"], b"a|b\n", b"X\n", b"", 0);
    gnu(&["s,a\\,b,X,"], b"a,b\n", b"X\n", b"", 0);
    gnu(&["s a X "], b"a b\n", b"X b\n", b"", 0);
    // A backslash can be the delimiter: it then escapes nothing.
    gnu(&["s\\n\\X\\"], b"anb\n", b"aXb\n", b"", 0);
    gnu(&["\\\\a\\d"], b"ab\n", b"", b"", 0);
    gnu(&["y\\a\\X\\"], b"ab\n", b"Xb\n", b"", 0);
    gnu(&["s/b*/-/g"], b"abc\n", b"-a-c-\n", b"", 0);
    gnu(&["s/b*/-/3"], b"abc\n", b"abc-\n", b"", 0);
    gnu(&["s/b*/-/3g"], b"abc\n", b"abc-\n", b"", 0);
    // No empty match right after a match: baaac gives xbxcx.
    gnu(&["s/a*/x/g"], b"baaac\n", b"xbxcx\n", b"", 0);
    gnu(&["s/c/X/"], b"abc", b"abX", b"", 0);
    gnu(&["s/$/X\\n/"], b"abc", b"abcX\n", b"", 0);
    gnu(&["s/x*$/E/"], b"ba\n", b"baE\n", b"", 0);
    gnu(&["-E", "s/b|()/X/g"], b"abc\n", b"XaXcX\n", b"", 0);
}

#[test]
fn regex_bre_and_ere() {
    gnu(&["s/a^b/X/"], b"a^b\n", b"X\n", b"", 0);
    gnu(&["s/a$b/X/"], b"a$b\n", b"X\n", b"", 0);
    gnu(&["s/*a/X/"], b"*ab\n", b"Xb\n", b"", 0);
    gnu(&["s/\\(*\\)/X/"], b"a*b\n", b"aXb\n", b"", 0);
    gnu(&["s/a\\{2,\\}/X/"], b"aaa\n", b"X\n", b"", 0);
    gnu(&["-E", "s/a{2}/X/"], b"aaa\n", b"Xa\n", b"", 0);
    gnu(&["s/a{2}/X/"], b"a{2}\n", b"X\n", b"", 0);
    gnu(&["s/[^]a]/X/g"], b"ab]\n", b"aX]\n", b"", 0);
    gnu(&["s/[]a]/X/g"], b"ab]\n", b"XbX\n", b"", 0);
    gnu(&["s/[[:alpha:]]/X/g"], b"a1 b\n", b"X1 X\n", b"", 0);
    gnu(
        &["s/[[:digit:][:space:]]/X/g"],
        b"a1 b\n",
        b"aXXb\n",
        b"",
        0,
    );
    gnu(&["s/\\(ab\\)\\1/X/"], b"abab\n", b"X\n", b"", 0);
    gnu(&["-E", "s/(ab)\\1/X/"], b"abab\n", b"X\n", b"", 0);
    gnu(&["s/a\\+/X/"], b"aab\n", b"Xb\n", b"", 0);
    gnu(&["s/a\\?b/X/"], b"aab\n", b"aX\n", b"", 0);
    gnu(&["s/b\\|aa/X/g"], b"aab\n", b"XX\n", b"", 0);
    // Alternation takes the longest match.
    gnu(&["-E", "s/a|ab/X/"], b"ab\n", b"X\n", b"", 0);
    gnu(
        &["-E", "s/(a|ab)(c|bcd)/[\\1,\\2]/"],
        b"abcd\n",
        b"[a,bcd]\n",
        b"",
        0,
    );
    gnu(&["s/\\<b/X/"], b"foo bar\n", b"foo Xar\n", b"", 0);
    gnu(&["s/o\\>/X/"], b"foo bar\n", b"foX bar\n", b"", 0);
    gnu(&["s/\\w/X/g"], b"foo bar\n", b"XXX XXX\n", b"", 0);
    gnu(&["s/\\W/X/g"], b"foo bar\n", b"fooXbar\n", b"", 0);
    gnu(&["s/\\s/X/g"], b"foo bar\n", b"fooXbar\n", b"", 0);
    gnu(&["s/\\S/X/g"], b"foo bar\n", b"XXX XXX\n", b"", 0);
    gnu(&["-E", "s/a\\+b/X/"], b"a+b\n", b"X\n", b"", 0);
    gnu(&["-E", "s/\\(b\\)/X/"], b"a(b)\n", b"aX\n", b"", 0);
    gnu(&["s/(b)/X/"], b"a(b)\n", b"aX\n", b"", 0);
    gnu(&["-E", "s/(b|c)+/x/I"], b"ABC\n", b"Ax\n", b"", 0);
    gnu(&["s/\\./X/g"], b"a.b\n", b"aXb\n", b"", 0);
}

#[test]
fn options_as_gnu() {
    gnu(
        &["-e", "p", "-e", "="],
        b"a\nb\n",
        b"a\n1\na\nb\n2\nb\n",
        b"",
        0,
    );
    gnu(
        &["--expression=p", "--expression", "="],
        b"a\nb\n",
        b"a\n1\na\nb\n2\nb\n",
        b"",
        0,
    );
    gnu(&["--quiet", "p"], b"a\nb\n", b"a\nb\n", b"", 0);
    gnu(&["--silent", "p"], b"a\nb\n", b"a\nb\n", b"", 0);
    gnu(&["-ne", "p"], b"a\nb\n", b"a\nb\n", b"", 0);
    gnu(&["-nE", "s/\\(b\\)/X/p"], b"a(b)\n", b"aX\n", b"", 0);
    gnu(&["-nr", "s/(b)/X/p"], b"a(b)\n", b"a(X)\n", b"", 0);
    gnu(
        &["--regexp-extended", "s/(b)/X/"],
        b"a(b)\n",
        b"a(X)\n",
        b"",
        0,
    );
    gnu(&["-z", "s/^/>/"], b"a\x00b\x00", b">a\x00>b\x00", b"", 0);
    gnu(&["-z", "s/^/>/"], b"a\x00b", b">a\x00>b", b"", 0);
    gnu(&["-z", "s/\\n/N/g"], b"a\nb\x00c\n", b"aNb\x00cN", b"", 0);
    gnu(&["--null-data", "-n", "$p"], b"a\nb\x00c\n", b"c\n", b"", 0);
    gnu(
        &["-z", "N;l"],
        b"a\x00b\x00",
        b"a\\000b$\x00a\x00b\x00",
        b"",
        0,
    );
    gnu(&["-z", "G"], b"a\x00b\x00", b"a\x00\x00b\x00\x00", b"", 0);
    gnu(&["-u", "p"], b"a\nb\n", b"a\na\nb\nb\n", b"", 0);
    gnu(&["--unbuffered", "p"], b"a\nb\n", b"a\na\nb\nb\n", b"", 0);
    gnu(
        &["--line-length=3", "-n", "l"],
        b"abcdef\n",
        b"ab\\\ncd\\\nef$\n",
        b"",
        0,
    );
    gnu(
        &["-l3", "-n", "l"],
        b"abcdef\n",
        b"ab\\\ncd\\\nef$\n",
        b"",
        0,
    );
    gnu(&["--posix", "p"], b"a\nb\n", b"a\na\nb\nb\n", b"", 0);
    gnu(&["--", "p"], b"a\nb\n", b"a\na\nb\nb\n", b"", 0);
    gnu(&["-n", "--", "p", "-"], b"a\nb\n", b"a\nb\n", b"", 0);
    gnu(&["-s", "-n", "$p", "-", "f2"], b"a\nb\n", b"b\ny\n", b"", 0);
    gnu(
        &["--separate", "-n", "$=", "-", "f2"],
        b"a\nb\n",
        b"2\n2\n",
        b"",
        0,
    );
    gnu(
        &["-s", "F", "-", "f2"],
        b"a\nb\n",
        b"-\na\n-\nb\nf2\nx\nf2\ny\n",
        b"",
        0,
    );
    // $ is the last line of the last file.
    gnu(&["-n", "$p", "-", "f2"], b"a\nb\n", b"y\n", b"", 0);
    gnu(&["-f", "-", "f2"], b"p\n", b"x\nx\ny\ny\n", b"", 0);
    gnu(&["-f", "rf", "f2"], b"", b"x\ny\n", b"", 0);
    gnu(&["--file=rf", "f2"], b"", b"x\ny\n", b"", 0);
    gnu(&["-e", "p", "-f", "rf", "f2"], b"", b"x\nx\ny\ny\n", b"", 0);
    gnu(
        &["-e", "a\\", "-e", "X", "f2"],
        b"",
        b"x\nX\ny\nX\n",
        b"",
        0,
    );
    gnu(
        &["-n", "-e", "/x/{", "-e", "p", "-e", "}", "f2"],
        b"",
        b"x\n",
        b"",
        0,
    );
}

#[test]
fn input_files_as_gnu() {
    // A missing file: a message and status 2, the others are still read.
    gnu(
        &["p", "nosuch"],
        b"a\nb\n",
        b"",
        b"sed: can't read nosuch: No such file or directory\n",
        2,
    );
    gnu(
        &["-n", "1p;$p", "f2", "nosuch", "-"],
        b"a\nb\n",
        b"x\nb\n",
        b"sed: can't read nosuch: No such file or directory\n",
        2,
    );
    // A directory: a read error, status 4, and the rest is not read.
    gnu(
        &["p", "dir"],
        b"a\nb\n",
        b"",
        b"sed: read error on dir: Is a directory\n",
        4,
    );
    gnu(
        &["p", "f2", "dir", "rf"],
        b"a\nb\n",
        b"x\nx\ny\ny\n",
        b"sed: read error on dir: Is a directory\n",
        4,
    );
    // Looking for $, GNU takes a directory for an empty file.
    gnu(&["-n", "$p", "f2", "dir"], b"a\nb\n", b"y\n", b"", 0);
    gnu(
        &["-i", "p", "dir"],
        b"a\nb\n",
        b"",
        b"sed: couldn't edit dir: not a regular file\n",
        4,
    );
    gnu(
        &["-i", "p", "nosuch"],
        b"a\nb\n",
        b"",
        b"sed: can't read nosuch: No such file or directory\n",
        2,
    );
    gnu(
        &["-i", "p", "nosuch", "f2"],
        b"a\nb\n",
        b"",
        b"sed: can't read nosuch: No such file or directory\n",
        2,
    );
    // A first file without a final newline gets one before the next file.
    gnu(&["p", "nn", "f2"], b"", b"nonl\nnonl\nx\nx\ny\ny\n", b"", 0);
    gnu(&["-n", "$p", "f2", "nn"], b"", b"nonl", b"", 0);
}

#[test]
fn newline_handling_as_gnu() {
    gnu(&["p"], b"a", b"a\na", b"", 0);
    gnu(&["a foo"], b"a", b"a\nfoo\n", b"", 0);
    gnu(&["i foo"], b"a", b"foo\na", b"", 0);
    gnu(&["c foo"], b"a", b"foo\n", b"", 0);
    gnu(&["G"], b"a", b"a\n\n", b"", 0);
    gnu(&["$!d"], b"a", b"a", b"", 0);
    gnu(&["N;P;D"], b"a\nb", b"a\nb", b"", 0);
    gnu(&["-z", "p"], b"a\x00b", b"a\x00a\x00b\x00b", b"", 0);
    gnu(&["p"], b"", b"", b"", 0);
    gnu(&["$a foo"], b"", b"", b"", 0);
    gnu(&["-n", "l"], b"\n\n", b"$\n$\n", b"", 0);
    gnu(&["s/^$/E/"], b"\n", b"E\n", b"", 0);
    gnu(
        &["-n", "l"],
        b"a\x00b\x01\xff\n",
        b"a\\000b\\001\\377$\n",
        b"",
        0,
    );
}

// The C library's matcher has no \` and \' (src/regex): with M these are
// the fast engine's or the automaton's.
#[test]
fn buffer_anchors_with_m_as_gnu() {
    gnu(&["N;s/\\`/>/gM"], b"a\nb\n", b">a\nb\n", b"", 0);
    gnu(&["N;s/\\'/</gM"], b"a\nb\n", b"a\nb<\n", b"", 0);
}

// NULs, \b and \B on both engines (the C library's sees NULs as another
// byte, and the byte before a match from inside a line).
#[test]
fn nul_bytes_and_word_boundaries_as_gnu() {
    gnu(
        &["s/b/B/"],
        b"a\x00b\x01\xff\n",
        b"a\x00B\x01\xff\n",
        b"",
        0,
    );
    gnu(&["s/\\x00/N/"], b"a\x00b\n", b"aNb\n", b"", 0);
    gnu(&["s/\\b/|/g"], b"foo bar\n", b"|foo| |bar|\n", b"", 0);
    gnu(&["s/\\B/|/g"], b"foo bar\n", b"f|o|o b|a|r\n", b"", 0);
    // With groups the C library's matcher runs, from inside the line too.
    let t = b"hello big world\n";
    gnu(&[r"s/\b\(.\)/\u\1/g"], t, b"Hello Big World\n", b"", 0);
    gnu(&[r"s/\<\(.\)/\u\1/g"], t, b"Hello Big World\n", b"", 0);
    gnu(
        &["-E", r"s/(\w+)\b/<\1>/g"],
        t,
        b"<hello> <big> <world>\n",
        b"",
        0,
    );
    gnu(
        &["-E", r"s/\>(.)/[\1]/g"],
        t,
        b"hello[ ]big[ ]world\n",
        b"",
        0,
    );
    gnu(
        &["-E", r"s/\B(.)/[\1]/g"],
        b"foo bar\n",
        b"f[o][o] b[a][r]\n",
        b"",
        0,
    );
    gnu(&[r"s/\(a\)\b\1*/X/g"], b"aa aa\n", b"aX aX\n", b"", 0);
    gnu(&["-E", r"s/\b(a)\1*/X/g"], b"ab ab\n", b"Xb Xb\n", b"", 0);
    gnu(
        &[r"s/\b\(.\)/[\1]/g"],
        b"a\0b c\n",
        b"[a][\0][b][ ][c]\n",
        b"",
        0,
    );
    // At a line's ends next to a non-word byte there is no boundary
    // (musl's matcher says there always is one).
    gnu(&[r"s/\b\(.\)/[\1]/g"], b" hello\n", b" [h]ello\n", b"", 0);
    gnu(&[r"s/\(.\)\b/[\1]/g"], b"ab \n", b"a[b] \n", b"", 0);
    gnu(&[r"s/\b/X/g"], b"-\n\nab\n", b"-\n\nXabX\n", b"", 0);
    gnu(&["-n", r"/\b/p"], b"-\n\nab\n", b"ab\n", b"", 0);
    gnu(&[r"s/\<\(.\)/[\1]/g"], b"-x\n", b"-[x]\n", b"", 0);
    case("grep", &["-c", "\\b"], "-\n\nab\n", "1\n");
}

#[test]
fn errors_as_gnu() {
    // Compile errors: GNU texts and positions, status 1.
    gnu(
        &["k"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 1: unknown command: `k'\n",
        1,
    );
    gnu(
        &["p;k"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 3: unknown command: `k'\n",
        1,
    );
    gnu(
        &["s/a/b"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 5: unterminated `s' command\n",
        1,
    );
    gnu(
        &["s/a"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 3: unterminated `s' command\n",
        1,
    );
    gnu(
        &["s/a/b/q"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 7: unknown option to `s'\n",
        1,
    );
    gnu(
        &["1"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 1: missing command\n",
        1,
    );
    gnu(
        &["1;"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 2: unknown command: `;'\n",
        1,
    );
    gnu(
        &["1\n2"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 2: unknown command: `\n'\n",
        1,
    );
    gnu(
        &["/x/\np"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 4: unknown command: `\n'\n",
        1,
    );
    gnu(
        &["{p"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 0: unmatched `{'\n",
        1,
    );
    gnu(
        &["-e", "p", "-e", "{", "-e", "p"],
        b"x\n",
        b"",
        b"sed: -e expression #2, char 0: unmatched `{'\n",
        1,
    );
    gnu(
        &["p;}"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 3: unexpected `}'\n",
        1,
    );
    gnu(
        &["p x"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 3: extra characters after command\n",
        1,
    );
    gnu(
        &["1}"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 2: unexpected `}'\n",
        1,
    );
    gnu(
        &["bfoo"],
        b"x\n",
        b"",
        b"sed: can't find label for jump to `foo'\n",
        4,
    );
    gnu(
        &["s/x/\\3/"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 7: invalid reference \\3 on `s' command's RHS\n",
        1,
    );
    gnu(
        &["s/x/\\3/;p"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 8: invalid reference \\3 on `s' command's RHS\n",
        1,
    );
    gnu(
        &["s/x/\\3/ ; p"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 9: invalid reference \\3 on `s' command's RHS\n",
        1,
    );
    gnu(
        &["s/\\(/x/;p"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 8: Unmatched ( or \\(\n",
        1,
    );
    gnu(
        &["v 9"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 3: expected newer version of sed\n",
        1,
    );
    gnu(
        &["1#c"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 2: comments don't accept any addresses\n",
        1,
    );
    gnu(&["p#c\np"], b"x\n", b"x\nx\nx\n", b"", 0);
    gnu(
        &["a"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 1: expected \\ after `a', `c' or `i'\n",
        1,
    );
    gnu(
        &["y/ab/c/"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 7: strings for `y' command are different lengths\n",
        1,
    );
    gnu(
        &["y/a"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 3: unterminated `y' command\n",
        1,
    );
    gnu(&["1,2="], b"x\n", b"1\nx\n", b"", 0);
    gnu(
        &[":"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 1: \":\" lacks a label\n",
        1,
    );
    gnu(
        &["r"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 1: missing filename in r/R/w/W commands\n",
        1,
    );
    gnu(
        &["0,5p"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 4: invalid usage of line address 0\n",
        1,
    );
    gnu(
        &["+1p"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 2: invalid usage of +N or ~N as first address\n",
        1,
    );
    gnu(
        &["1,p"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 3: unexpected `,'\n",
        1,
    );
    gnu(
        &["s/a/b/gg"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 8: multiple `g' options to `s' command\n",
        1,
    );
    gnu(
        &["s/a/b/pp"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 8: multiple `p' options to `s' command\n",
        1,
    );
    gnu(
        &["s/a/b/1g2"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 9: multiple number options to `s' command\n",
        1,
    );
    gnu(
        &["1!!p"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 3: multiple `!'s\n",
        1,
    );
    // A newline ends a regex: the error is before it.
    gnu(
        &["s/a\n/"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 3: unterminated `s' command\n",
        1,
    );
    gnu(
        &["s\nab\n"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 4: unterminated `s' command\n",
        1,
    );
    gnu(
        &["y\nab\n"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 4: unterminated `y' command\n",
        1,
    );
    gnu(
        &["\\\nab\nd"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 4: unterminated address regex\n",
        1,
    );
    // Each -e is compiled on its own: a backslash does not join it to the next.
    gnu(
        &["-e", "s/x/a\\", "-e", "b/"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 6: unterminated `s' command\n",
        1,
    );
    gnu(
        &["-e", "/x\\", "-e", "/p"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 3: unterminated address regex\n",
        1,
    );
    gnu(
        &["-f", "sf"],
        b"x\n",
        b"",
        b"sed: couldn't open file sf: No such file or directory\n",
        4,
    );
}

#[test]
fn script_file_errors_as_gnu() {
    // With -f, GNU gives the file and line.
    gnu_file(
        "s/x/a\\\n",
        &["-f", "sf"],
        b"x\n",
        b"",
        b"sed: file sf line 2: unterminated `s' command\n",
        1,
    );
    gnu_file(
        "s/x/a\n",
        &["-f", "sf"],
        b"x\n",
        b"",
        b"sed: file sf line 1: unterminated `s' command\n",
        1,
    );
    gnu_file(
        "p\ns/x/a\n",
        &["-f", "sf"],
        b"x\n",
        b"",
        b"sed: file sf line 2: unterminated `s' command\n",
        1,
    );
    gnu_file(
        "1\n2\n",
        &["-f", "sf"],
        b"x\n",
        b"",
        b"sed: file sf line 2: unknown command: `\n'\n",
        1,
    );
    gnu_file(
        "p\n1;",
        &["-f", "sf"],
        b"x\n",
        b"",
        b"sed: file sf line 2: unknown command: `;'\n",
        1,
    );
    gnu_file(
        "p;}\n",
        &["-f", "sf"],
        b"x\n",
        b"",
        b"sed: file sf line 1: unexpected `}'\n",
        1,
    );
    gnu_file(
        "p\n{\np\np\n",
        &["-f", "sf"],
        b"x\n",
        b"",
        b"sed: file sf line 2: unmatched `{'\n",
        1,
    );
    gnu_file(
        "{\np\n{\n",
        &["-f", "sf"],
        b"x\n",
        b"",
        b"sed: file sf line 3: unmatched `{'\n",
        1,
    );
    gnu_file(
        "s/x/\\3/\n",
        &["-f", "sf"],
        b"x\n",
        b"",
        b"sed: file sf line 2: invalid reference \\3 on `s' command's RHS\n",
        1,
    );
    gnu_file(
        "p\nq x\n",
        &["-f", "sf"],
        b"x\n",
        b"",
        b"sed: file sf line 2: extra characters after command\n",
        1,
    );
    gnu_file("a\n", &["-f", "sf"], b"x\n", b"x\n\n", b"", 0);
    gnu_file("1a\n2p\n", &["-f", "sf"], b"x\n", b"x\n\n", b"", 0);
    gnu_file(
        "a\nfoo\n",
        &["-f", "sf"],
        b"x\n",
        b"",
        b"sed: file sf line 2: unknown command: `f'\n",
        1,
    );
    gnu_file("#n\np\n", &["-f", "sf"], b"x\n", b"x\n", b"", 0);
    gnu_file("p\n#n\n", &["-f", "sf"], b"x\n", b"x\nx\n", b"", 0);
}

#[test]
fn in_place_as_gnu() {
    let d = TempDir::new();
    let run = |args: &[&str]| cmd("sed").args(args).cwd(d.path()).run();
    let read = |name: &str| std::fs::read_to_string(d.join(name)).unwrap();
    use std::os::unix::fs::PermissionsExt;
    d.write("f", "a\nb\n");
    std::fs::set_permissions(d.join("f"), std::fs::Permissions::from_mode(0o640)).unwrap();
    d.write("g", "x\ny\n");
    std::fs::create_dir(d.join("bak")).unwrap();
    // The mode is kept, for the file and its backup.
    run(&["-i.orig", "s/a/A/", "f"]).ok().out("");
    assert_eq!(read("f"), "A\nb\n");
    assert_eq!(read("f.orig"), "a\nb\n");
    for n in ["f", "f.orig"] {
        let m = std::fs::metadata(d.join(n)).unwrap().permissions().mode();
        assert_eq!(m & 0o777, 0o640, "{n}");
    }
    // A * in the suffix is the file's name, and may name a directory.
    run(&["-ibak/*.b", "s/x/X/", "g"]).ok().out("");
    assert_eq!(read("g"), "X\ny\n");
    assert_eq!(read("bak/g.b"), "x\ny\n");
    // $ is the last line of each file.
    run(&["--in-place=.s", "$s/$/!/", "f", "g"]).ok().out("");
    assert_eq!(read("f"), "A\nb!\n");
    assert_eq!(read("g"), "X\ny!\n");
    assert_eq!(read("f.s"), "A\nb\n");
    // A symlink is replaced by a regular file; --follow-symlinks edits
    // its target.
    d.write("t", "1\n2\n");
    std::os::unix::fs::symlink("t", d.join("l")).unwrap();
    run(&["-i", "s/1/one/", "l"]).ok().out("");
    assert!(std::fs::symlink_metadata(d.join("l")).unwrap().is_file());
    assert_eq!(read("t"), "1\n2\n");
    assert_eq!(read("l"), "one\n2\n");
    std::fs::remove_file(d.join("l")).unwrap();
    std::os::unix::fs::symlink("t", d.join("l")).unwrap();
    run(&["-i", "--follow-symlinks", "s/2/two/", "l"])
        .ok()
        .out("");
    assert!(std::fs::symlink_metadata(d.join("l"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(read("t"), "1\ntwo\n");
    // -n with p keeps just the printed lines.
    run(&["-n", "-i", "1p", "t"]).ok().out("");
    assert_eq!(read("t"), "1\n");
    // w /dev/stdout still goes to standard output.
    d.write("u", "q\nw\n");
    run(&["-i", "s/q/Q/w /dev/stdout", "u"]).ok().out("Q\n");
    assert_eq!(read("u"), "Q\nw\n");
    // F and a go into the file.
    run(&["-i", "-e", "$a end", "-e", "1F", "u", "g"])
        .ok()
        .out("");
    assert_eq!(read("u"), "u\nQ\nw\nend\n");
    assert_eq!(read("g"), "g\nX\ny!\nend\n");
    run(&["-i", "p", "nosuch"])
        .status(2)
        .out("")
        .err("sed: can't read nosuch: No such file or directory\n");
    // -i'*.k': the backup is u.k.
    run(&["-i*.k", "s/Q/q/", "u"]).ok().out("");
    assert_eq!(read("u"), "u\nq\nw\nend\n");
    assert_eq!(read("u.k"), "u\nQ\nw\nend\n");
    // A file without a final newline stays without one.
    d.write("v", "n");
    run(&["-i", "p", "v", "g"]).ok().out("");
    assert_eq!(read("v"), "n\nn");
    // No temporary file is left behind.
    let mut names: Vec<String> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["bak", "f", "f.orig", "f.s", "g", "g.s", "l", "t", "u", "u.k", "v"]
    );
}

#[test]
fn help_version_and_usage() {
    for a in ["--help", "--version"] {
        let o = sed(&[a], "");
        o.ok();
        assert!(!o.stdout.is_empty(), "{a}");
    }
    // GNU: the message, then its usage, status 1 (oxbox's usage text is
    // its own).
    sed(&["--bogus"], "")
        .status(1)
        .out("")
        .err_has("sed: unrecognized option '--bogus'\nUsage: sed [OPTION]...");
    sed(&["-k", "p"], "")
        .status(1)
        .err_has("sed: invalid option -- 'k'\nUsage: ");
    sed(&["-e"], "")
        .status(1)
        .err_has("sed: option requires an argument -- 'e'\nUsage: ");
    sed(&[], "").status(1).out("").err_has("Usage: ");
}

#[test]
fn t_flag_and_cycles_as_gnu() {
    // Reading a line with n or N clears the flag t and T test, as a new cycle does; D restarting keeps it.
    gnu(&["s/a/A/;n;T;s/$/!/"], b"ab\nb\n", b"Ab\nb\n", b"", 0);
    gnu(&["s/a/A/;N;t;s/$/!/"], b"a\nb\n", b"A\nb!\n", b"", 0);
    gnu(
        &["s/b/B/;$!N;tx;s/$/-/;:x"],
        b"a\nb\nc\n",
        b"a\nb-\nc-\n",
        b"",
        0,
    );
    gnu(
        &["1{N;N};s/^a/A/;P;tx;s/^/-/;D;:x;D"],
        b"a\nb\nc\n",
        b"A\nb\nc\n",
        b"",
        0,
    );
    gnu(&["T;s/b/B/;T;s/$/!/"], b"a\nb\nc\n", b"a\nb\nc\n", b"", 0);
    gnu(&["-n", "n;p"], b"a\n", b"", b"", 0);
    gnu(&["n;s/^/X/"], b"a\n", b"a\n", b"", 0);
    gnu(&["$!N;s/^/X/"], b"a\n", b"Xa\n", b"", 0);
    gnu(&["2{x;p;x}"], b"a\nb\nc\n", b"a\n\nb\nc\n", b"", 0);
}

#[test]
fn long_lines_and_more_text_as_gnu() {
    gnu(&["c\\"], b"a\nb\nc\n", b"", b"", 0);
    gnu(
        &["2,3c\\", "-e", "A\\", "-e", "B"],
        b"a\nb\nc\n",
        b"",
        b"sed: -e expression #1, char 1: unknown command: `A'\n",
        1,
    );
    gnu(
        &["i\\", "-e", "I1\\", "-e", "I2"],
        b"a\nb\n",
        b"",
        b"sed: -e expression #1, char 1: unknown command: `I'\n",
        1,
    );
    gnu(
        &["a\\ttab\\", "-e", "  lead"],
        b"a\nb\n",
        b"",
        b"sed: -e expression #1, char 4: extra characters after command\n",
        1,
    );
    gnu(
        &["a\\\n  lead"],
        b"a\nb\n",
        b"a\n  lead\nb\n  lead\n",
        b"",
        0,
    );
    gnu(&["1{a foo\n}"], b"a\nb\n", b"a\nfoo\nb\n", b"", 0);
    gnu(
        &["1{a foo}"],
        b"a\nb\n",
        b"",
        b"sed: -e expression #1, char 0: unmatched `{'\n",
        1,
    );
    gnu(&["a foo;p"], b"a\nb\n", b"a\nfoo;p\nb\nfoo;p\n", b"", 0);
    gnu(
        &["a foo # c"],
        b"a\nb\n",
        b"a\nfoo # c\nb\nfoo # c\n",
        b"",
        0,
    );
}

#[test]
fn more_errors_as_gnu() {
    gnu(
        &["y/a/"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 4: unterminated `y' command\n",
        1,
    );
    gnu(
        &["y/abc/de/"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 9: strings for `y' command are different lengths\n",
        1,
    );
    gnu(
        &["y/a/b/g"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 7: extra characters after command\n",
        1,
    );
    gnu(&["e"], b"x\n", b"\n", b"sh: 1: x: not found\n", 0);
    gnu(
        &["w"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 1: missing filename in r/R/w/W commands\n",
        1,
    );
    gnu(
        &["s/x/y/w"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 7: missing filename in r/R/w/W commands\n",
        1,
    );
    gnu(
        &["=5"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 2: extra characters after command\n",
        1,
    );
    gnu(
        &["dp"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 2: extra characters after command\n",
        1,
    );
    gnu(
        &["l 5x"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 4: extra characters after command\n",
        1,
    );
    gnu(
        &["q 5 5"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 5: extra characters after command\n",
        1,
    );
    gnu(
        &["qx"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 2: extra characters after command\n",
        1,
    );
    gnu(
        &["z x"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 3: extra characters after command\n",
        1,
    );
    gnu(&["1~2,~3p"], b"x\n", b"x\nx\n", b"", 0);
    gnu(&[" 1 , 2 p"], b"x\n", b"x\nx\n", b"", 0);
    gnu(&["/x/ , /y/ p"], b"x\n", b"x\nx\n", b"", 0);
    gnu(&["1,$ !  p"], b"x\n", b"x\n", b"", 0);
    gnu(&[":a;:a"], b"x\n", b"x\n", b"", 0);
    gnu(&["b end;:end"], b"x\n", b"x\n", b"", 0);
    gnu(&["{p;};{;p}"], b"x\n", b"x\nx\nx\n", b"", 0);
    gnu(
        &["s/x/y/;s/\\(x/y/"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 15: Unmatched ( or \\(\n",
        1,
    );
    gnu(
        &["-E", "s/(x/y/"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 7: Unmatched ( or \\(\n",
        1,
    );
    gnu(
        &["s/x\\{2,1\\}/y/"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 13: Invalid content of \\{\\}\n",
        1,
    );
    gnu(
        &["s/[[:foo:]]/y/"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 14: Invalid character class name\n",
        1,
    );
    gnu(
        &["s/a/b/0"],
        b"x\n",
        b"",
        b"sed: -e expression #1, char 7: number option to `s' command may not be zero\n",
        1,
    );
    gnu(&["--posix", "s/x/\\n/"], b"x\n", b"\n\n", b"", 0);
}

#[test]
fn long_lines_as_gnu() {
    let long = "a".repeat(100_000);
    sed(&["s/a*/X/"], &format!("{long}\n")).ok().out("X\n");
    sed(&[r"s/a\(b\)/\1/"], &format!("{long}b\n"))
        .ok()
        .out(format!("{}b\n", &long[1..]));
    sed(&["-n", "$="], &format!("{long}\n")).ok().out("1\n");
    sed(&["p"], &long).ok().out(format!("{long}\n{long}"));
    // GNU's RE_DUP_MAX is 32767.
    sed(&[r"s/^a\{99990\}/Y/"], &long)
        .status(1)
        .out("")
        .err("sed: -e expression #1, char 16: Regular expression too big\n");
}

#[test]
fn separate_files_as_gnu() {
    // With -s (and -i) each file starts with an empty hold space, no range open, and R reading its file from the start.
    gnu(
        &["-s", "H;$!d;x", "-", "f2"],
        b"a\nb\n",
        b"\na\nb\n\nx\ny\n",
        b"",
        0,
    );
    gnu(&["-s", "x", "-", "f2"], b"a\nb\n", b"\na\n\nx\n", b"", 0);
    gnu(&["x", "-", "f2"], b"a\nb\n", b"\na\nb\nx\n", b"", 0);
    gnu(
        &["-s", "R rf", "-", "f2"],
        b"a\nb\n",
        b"a\nr1\nb\nr2\nx\nr1\ny\nr2\n",
        b"",
        0,
    );
    gnu(
        &["R rf", "-", "f2"],
        b"a\nb\n",
        b"a\nr1\nb\nr2\nx\ny\n",
        b"",
        0,
    );
    gnu(
        &["-s", "1R rf", "-", "f2", "f2"],
        b"a\nb\n",
        b"a\nr1\nb\nx\nr1\ny\nx\nr1\ny\n",
        b"",
        0,
    );
    gnu(
        &["-s", "w out\n$r out", "-", "f2"],
        b"a\nb\n",
        b"a\nb\nx\ny\n",
        b"",
        0,
    );
    gnu(
        &["-s", "$r rf", "-", "f2"],
        b"a\nb\n",
        b"a\nb\nr1\nr2\nx\ny\nr1\nr2\n",
        b"",
        0,
    );
    gnu(
        &["-s", "1i\\", "-e", "top", "-", "f2"],
        b"a\nb\n",
        b"",
        b"sed: can't find label for jump to `op'\n",
        4,
    );
    gnu(
        &["-n", "/a/,/x/p", "-", "f2"],
        b"a\nb\n",
        b"a\nb\nx\n",
        b"",
        0,
    );
    gnu(
        &["-s", "-n", "/b/,/x/p", "-", "f2"],
        b"a\nb\n",
        b"b\n",
        b"",
        0,
    );
    gnu(
        &["-n", "F;=", "-", "f2"],
        b"a\nb\n",
        b"-\n1\n-\n2\nf2\n3\nf2\n4\n",
        b"",
        0,
    );
}

#[test]
fn y_as_gnu() {
    // An escaped byte y does not know is the byte itself.
    gnu(&["y/a\\%/xy/"], b"ab%.&q\tc\n", b"xby.&q\tc\n", b"", 0);
    gnu(&["y/a\\b/xy/"], b"ab%.&q\tc\n", b"xy%.&q\tc\n", b"", 0);
    gnu(&["y/a\\q/xy/"], b"ab%.&q\tc\n", b"xb%.&y\tc\n", b"", 0);
    gnu(&["y/\\t/x/"], b"ab%.&q\tc\n", b"ab%.&qxc\n", b"", 0);
    gnu(&["y/a/\\q/"], b"ab%.&q\tc\n", b"qb%.&q\tc\n", b"", 0);
    gnu(&["y/\\&/x/"], b"ab%.&q\tc\n", b"ab%.xq\tc\n", b"", 0);
    gnu(&["y/\\\\/X/"], b"a\\b\n", b"aXb\n", b"", 0);
    gnu(&["y/abc/\\x41BC/"], b"abc\n", b"ABC\n", b"", 0);
    gnu(&["N;y/\\n/,/"], b"a\nb\n", b"a,b\n", b"", 0);
    gnu(&["y/elo/ELO/;s/L/l/2"], b"hello\n", b"hELlO\n", b"", 0);
}

#[test]
fn null_data_and_regex_more_as_gnu() {
    gnu(&["-z", "s/\\n/,/g"], b"a\nb\n", b"a,b,", b"", 0);
    gnu(&["-z", "$s/b/B/"], b"a\nb", b"a\nB", b"", 0);
    gnu(&["-z", "-n", "$="], b"a\x00b\x00", b"2\x00", b"", 0);
    gnu(&["-z", "a X"], b"a\x00b\x00", b"a\x00X\nb\x00X\n", b"", 0);
    gnu(
        &["-z", "i\\", "-e", "X"],
        b"a\x00b\x00",
        b"",
        b"sed: -e expression #1, char 1: unknown command: `X'\n",
        1,
    );
    gnu(&["-z", "N;P;D"], b"a\x00b\x00", b"a\x00b\x00", b"", 0);
    gnu(
        &["-z", "1r rf"],
        b"a\x00b\x00",
        b"a\x00r1\nr2\nb\x00",
        b"",
        0,
    );
    gnu(
        &["-z", "R rf"],
        b"a\x00b\x00",
        b"a\x00r1\nr2\nb\x00",
        b"",
        0,
    );
    gnu(
        &["-z", "w /dev/stdout"],
        b"a\x00b\x00",
        b"a\x00a\x00b\x00b\x00",
        b"",
        0,
    );
    gnu(&["-E", "s/(a|b)+/<&>/"], b"a\nb\n", b"<a>\n<b>\n", b"", 0);
    gnu(&["-E", "s/a{,2}/X/"], b"aaa\n", b"Xa\n", b"", 0);
    gnu(&["-E", "s/()b/X/"], b"ab\n", b"aX\n", b"", 0);
    gnu(&["s/\\(\\)b/X/"], b"ab\n", b"aX\n", b"", 0);
    gnu(
        &["s/a\\{1/X/"],
        b"a\n",
        b"",
        b"sed: -e expression #1, char 9: Unmatched \\{\n",
        1,
    );
    gnu(
        &["s/[a-/X/"],
        b"ab\n",
        b"",
        b"sed: -e expression #1, char 8: unterminated `s' command\n",
        1,
    );
    gnu(&["s/[a-]/X/g"], b"a-b\n", b"XXb\n", b"", 0);
    gnu(
        &["s/[b-a]/X/g"],
        b"a\n",
        b"",
        b"sed: -e expression #1, char 11: Invalid range end\n",
        1,
    );
    gnu(&["s/[\\n]/X/g"], b"a\\nb\n", b"a\\nb\n", b"", 0);
    gnu(&["s/[a-z]/x/Ig"], b"AbC\n", b"xxx\n", b"", 0);
    gnu(&["/abc/I!d"], b"AbC\n", b"AbC\n", b"", 0);
    gnu(&["s/x/-/I"], b"aXb\n", b"a-b\n", b"", 0);
    gnu(&["s/\\d32/_/"], b"a b\n", b"a_b\n", b"", 0);
    gnu(&["s/b/\\cA/"], b"abc\n", b"a\x01c\n", b"", 0);
    gnu(&["s/b/\\d/"], b"abc\n", b"adc\n", b"", 0);
    gnu(&["s/b/\\x4/"], b"abc\n", b"a\x04c\n", b"", 0);
    gnu(&["s/a/\\U\\x61/"], b"a\n", b"A\n", b"", 0);
}

#[test]
fn newline_in_brackets_as_gnu() {
    // \n in a bracket expression is a newline; \\ there is a pair.
    gnu(&["N;s/[\\n]/X/g"], b"a\\nb]\nc\n", b"a\\nb]Xc\n", b"", 0);
    gnu(&["N;s/[^\\n]/X/g"], b"a\\nb]\nc\n", b"XXXXX\nX\n", b"", 0);
    gnu(&["N;s/[\\\\n]/X/g"], b"a\\nb]\nc\n", b"aXXb]\nc\n", b"", 0);
    gnu(&["s/[\\]/X/g"], b"a\\nb]\nc\n", b"aXnb]\nc\n", b"", 0);
    gnu(&["s/[\\]]/X/g"], b"a\\nb]\nc\n", b"a\\nb]\nc\n", b"", 0);
    gnu(&["-n", "$!N;/a[\\n]/p"], b"a\\nb]\nc\n", b"", b"", 0);
}

#[test]
fn cycle_order_as_gnu() {
    gnu(
        &["-s", "=", "-", "f2"],
        b"a\nb\n",
        b"1\na\n2\nb\n1\nx\n2\ny\n",
        b"",
        0,
    );
    // e runs at once; i writes at once; a waits for the end of the cycle.
    gnu(
        &["1e echo E\n1a A\n1i I"],
        b"a\nb\n",
        b"E\nI\na\nA\nb\n",
        b"",
        0,
    );
    gnu(&["a A\ne echo E"], b"a\nb\n", b"E\na\nA\nE\nb\nA\n", b"", 0);
    gnu(&["$!{N;l;D}"], b"a\nb\n", b"a\\nb$\nb\n", b"", 0);
    gnu(&["N;P;P;D"], b"a\nb\n", b"a\na\nb\n", b"", 0);
    gnu(&["-n", "/a/{=;p}"], b"a\nb\n", b"1\na\n", b"", 0);
    gnu(
        &["-e", "2i\\", "-e", "x", "-e", "1d"],
        b"a\nb\n",
        b"x\nb\n",
        b"",
        0,
    );
    gnu(&["1!{x;G}"], b"a\nb\n", b"a\n\nb\n", b"", 0);
    gnu(&["="], b"", b"", b"", 0);
    gnu(&["="], b"\n", b"1\n\n", b"", 0);
    gnu(&["N;N;s/\\n/-/"], b"a\nb\n", b"a\nb\n", b"", 0);
    gnu(&["2!{N}"], b"a\nb\nc\n", b"a\nb\nc\n", b"", 0);
    gnu(&["s/ \\+/_/g"], b"a b  c\n", b"a_b_c\n", b"", 0);
    gnu(&["-E", "s/ +/_/2"], b"a b  c\n", b"a b_c\n", b"", 0);
    gnu(
        &["s/\\(a*\\) \\(b*\\)/\\2 \\1/"],
        b"aaa bbb\n",
        b"bbb aaa\n",
        b"",
        0,
    );
    gnu(&["s/x/a&b\\&c/"], b"x\n", b"axb&c\n", b"", 0);
    gnu(&["s/x/\\\\/"], b"x\n", b"\\\n", b"", 0);
    gnu(&["s/x/\\//"], b"x\n", b"/\n", b"", 0);
    gnu(&["s|x|\\||"], b"x\n", b"|\n", b"", 0);
    gnu(&["s/x/a\\\nb\\\nc/"], b"x\n", b"a\nb\nc\n", b"", 0);
    gnu(&["c\\\na\\\nb"], b"x\n", b"a\nb\n", b"", 0);
    gnu(
        &["i\\\n  lead\\\n\\  kept"],
        b"x\n",
        b"  lead\n  kept\nx\n",
        b"",
        0,
    );
    gnu(
        &["-e", "a\\", "-e", "  lead"],
        b"x\n",
        b"x\n  lead\n",
        b"",
        0,
    );
    gnu(
        &["-e", "a\\", "-e", "\\  lead"],
        b"x\n",
        b"x\n  lead\n",
        b"",
        0,
    );
}

#[test]
fn in_place_quit_as_gnu() {
    // q writes the rest of nothing: the file keeps the lines up to q; Q
    // drops the current one too. q's exit code is sed's.
    let d = TempDir::new();
    let run = |args: &[&str]| cmd("sed").args(args).cwd(d.path()).run();
    let read = |name: &str| std::fs::read_to_string(d.join(name)).unwrap();
    d.write("f", "a\nb\nc\n");
    run(&["-i", "2q", "f"]).ok().out("");
    assert_eq!(read("f"), "a\nb\n");
    run(&["-i", "2Q", "f"]).ok().out("");
    assert_eq!(read("f"), "a\n");
    d.write("f", "a\nb\n");
    run(&["-i", "1q5", "f"]).status(5).err("").out("");
    assert_eq!(read("f"), "a\n");
    // With -s and -i the hold space starts empty in each file.
    d.write("f", "a\nb\n");
    d.write("g", "x\ny\n");
    run(&["-i", "x", "f", "g"]).ok().out("");
    assert_eq!(read("f"), "\na\n");
    assert_eq!(read("g"), "\nx\n");
}

/// `I` with back-references: the group's text is compared without case,
/// as GNU does (the C library alone compares it exactly).
#[test]
fn icase_back_references() {
    case("sed", &["s/\\(a\\)X\\1/[&]/I"], "XaXA\n", "X[aXA]\n");
    case(
        "sed",
        &["-E", "s/(ab)\\1/<\\1>/Ig"],
        "ABab abAB abac\n",
        "<AB> <ab> abac\n",
    );
    case("sed", &["-n", "/\\(x\\)\\1/Ip"], "xX\nxy\n", "xX\n");
}

#[test]
fn submatches_as_posix() {
    // POSIX's rules, where GNU's matcher has its own: a group that takes
    // no part in a repeat's last pass is unset (GNU keeps the span of an
    // earlier pass: [a|b] and [b|a]), and each group is the longest it
    // can be, from the left (GNU gives [a|bcd|]).
    let posix = |script: &str, input: &str, want: &str| {
        let out = cmd("sed").args(["-E", script]).stdin(input).run();
        out.ok().out(want);
    };
    posix("s/(a(b)?)+/[\\1|\\2]/", "aaba\n", "[a|]\n");
    posix("s/((a)|b)+/[\\1|\\2]/", "ab\n", "[b|]\n");
    posix("s/(a|ab)(c|bcd)(d*)/[\\1|\\2|\\3]/", "abcd\n", "[ab|c|d]\n");
    gnu(&["-E", "s/(a*)*/[\\1]/"], b"b\n", b"[]b\n", b"", 0);
    gnu(&["-E", "s/(a*)+b/[\\1]/"], b"aab\n", b"[aa]\n", b"", 0);
    gnu(
        &["s/^\\([^ ]*\\) \\(.*\\)/\\2 \\1/"],
        b"ab cd ef\n",
        b"cd ef ab\n",
        b"",
        0,
    );
    // In the C locale the groups are bytes, in UTF-8 characters.
    let swap = ["s/\\(.\\)\\(.\\)/\\2\\1/g"];
    let out = cmd("sed").args(swap).env("LC_ALL", "C").stdin("éa\n").run();
    out.ok().out(b"\xa9\xc3a\n");
    let out = cmd("sed")
        .args(swap)
        .env("LC_ALL", "C.UTF-8")
        .stdin("éab\n")
        .run();
    out.ok().out("aéb\n");
    let out = cmd("sed")
        .args(["s/\\(t\\w*\\) \\(\\w*\\)/\\2 \\1/g"])
        .env("LC_ALL", "C.UTF-8")
        .stdin("très été tôt ça\n")
        .run();
    out.ok().out("été très ça tôt\n");
}

#[test]
fn empty_matches_inside_characters_as_gnu() {
    // In a UTF-8 locale GNU's matcher runs a pattern on bytes when it can
    // (no bracket expression past a list of ASCII characters, no \w \s
    // or word assertion, not I): an empty match may then start inside a
    // character, which s///g shows. Otherwise it may not.
    let cases: [(&str, &[u8]); 12] = [
        (r"s/o\(a\)\1\|/X/g", b"XwX\xc3X\xb6XrXlXdX X\xc3X\xa9X\n"),
        ("s/o*/X/g", b"XwX\xc3X\xb6XrXlXdX X\xc3X\xa9X\n"),
        ("s/o*/X/gI", b"XwX\xc3\xb6XrXlXdX X\xc3\xa9X\n"),
        ("s/[a-z]*/X/g", b"X\xc3\xb6X X\xc3\xa9X\n"),
        ("s/é*/X/g", b"XwX\xc3X\xb6XrXlXdX X\n"),
        ("s/[ab]*/X/g", b"XwX\xc3X\xb6XrXlXdX X\xc3X\xa9X\n"),
        ("s/[é]*/X/g", b"XwX\xc3\xb6XrXlXdX X\n"),
        ("s/\\s*/X/g", b"XwX\xc3\xb6XrXlXdX\xc3\xa9X\n"),
        ("s/[[:digit:]]*/X/g", b"XwX\xc3\xb6XrXlXdX X\xc3\xa9X\n"),
        ("s/.\\?z*/X/g", b"XXXXXXX\n"),
        (
            "s/\\(a\\)\\?x*/<\\1>/g",
            b"<>w<>\xc3<>\xb6<>r<>l<>d<> <>\xc3<>\xa9<>\n",
        ),
        ("s/\\B/-/g", b"w-\xc3\xb6-r-l-d \xc3\xa9\n"),
    ];
    for (script, want) in cases {
        cmd("sed")
            .args([script])
            .env("LC_ALL", "C.UTF-8")
            .stdin("wörld é\n")
            .run()
            .ok()
            .out(want);
    }
    // In the C locale every byte is a character.
    cmd("sed")
        .args(["s/[ab]*/X/g"])
        .env("LC_ALL", "C")
        .stdin("é\n")
        .run()
        .ok()
        .out(b"X\xc3X\xa9X\n");
}

#[test]
fn anchors_inside_an_ere() {
    // With M, an ERE's `^` and `$` in the middle of the pattern match
    // next to the pattern space's newlines, as GNU's do.
    let two = b"a\nb\n";
    for (script, want) in [
        ("N;s/\\n^/X/M", &b"aXb\n"[..]),
        ("N;s/\\n(^)/X/M", b"aXb\n"),
        ("N;s/$\\n/X/M", b"aXb\n"),
        ("N;s/a$\\n/X/M", b"Xb\n"),
        ("N;s/(a$)\\n/X/M", b"Xb\n"),
        ("N;s/a|^b/X/Mg", b"X\nX\n"),
    ] {
        gnu(&["-E", script], two, want, b"", 0);
    }
    // Without M they match only at the pattern space's ends, as POSIX has
    // it. GNU's matcher lets them match next to a newline its automaton
    // has just stepped over (N;s/\n^b/X/ gives aX there, N;s/a$\n/X/
    // gives Xb), but not at the same place reached otherwise (N;s/x*^b/X/
    // does not match): scripts that mean it write M.
    for script in ["N;s/\\n^b/X/", "N;s/a$\\n/X/", "N;s/x*^b/X/"] {
        let out = cmd("sed").args(["-E", script]).stdin(&two[..]).run();
        out.ok().out("a\nb\n");
    }
    // A BRE's `^` and `$` in the middle are plain characters.
    gnu(&["s/a^b$c/X/"], b"a^b$c\n", b"X\n", b"", 0);
}

#[test]
fn back_references_away_from_the_start() {
    // musl's matcher with back-references misses a match that does not
    // start at the subject's start; each possible start is tried.
    for (input, want) in [
        ("all\n", "aX\n"),
        ("allo\n", "aXo\n"),
        ("alxl\n", "aX\n"),
        ("abcd\n", "abcd\n"),
    ] {
        for loc in ["C", "C.UTF-8"] {
            cmd("sed")
                .args(["s/\\(.\\).*\\1/X/g"])
                .env("LC_ALL", loc)
                .stdin(input)
                .run()
                .ok()
                .out(want);
        }
    }
    gnu(&["-E", "s/(.).*{2}\\1/X/I"], b"allo\n", b"aXo\n", b"", 0);
    gnu(
        &["-E", "s/(..).*\\1/[&]/"],
        b"xabyab\n",
        b"x[abyab]\n",
        b"",
        0,
    );
    let out = cmd("grep")
        .args(["-o", "\\(.\\).*\\1"])
        .stdin("xy abcb\n")
        .run();
    out.ok().out("bcb\n");
}
