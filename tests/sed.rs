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

#[test]
fn debug_is_refused_clearly() {
    sed(&["--debug", "p"], "a\n")
        .status(1)
        .out("")
        .err_has("sed: option '--debug' is not supported\n");
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
