//! getopt (util-linux): normalised, quoted output, permutation orders,
//! long options and prefixes, -a, glibc's error texts, -q -Q -u -s -n -T,
//! the old form and GETOPT_COMPATIBLE. Expected results are util-linux
//! 2.38's.

use crate::common::*;

/// glibc prefixes its messages with argv[0]: here the symlink's path.
fn me() -> String {
    format!("{}", bin_dir().join("getopt").display())
}

#[track_caller]
fn go(args: &[&str], out: &str, status: i32, err: &str) {
    let err = err.replace("ME", &me());
    cmd("getopt")
        .args(args)
        .run()
        .status(status)
        .out(out)
        .err(err);
}

#[test]
fn normalises() {
    go(
        &["-o", "ab:c::", "-l", "foo,bar:,baz::", "--", "-a", "-b", "1", "-c", "-c2", "--foo", "--bar=x", "--bar", "y", "--baz", "--baz=z", "file", "it's", "--", "-a"],
        " -a -b '1' -c '' -c '2' --foo --bar 'x' --bar 'y' --baz '' --baz 'z' -- 'file' 'it'\\''s' '-a'\n",
        0,
        "",
    );
    go(
        &["-o", "a", "--", "x", "-a", "--", "-b", "y"],
        " -a -- 'x' '-b' 'y'\n",
        0,
        "",
    );
    go(&["-o", "a"], " --\n", 0, "");
    go(&["-o", "a", "--", ""], " -- ''\n", 0, "");
    go(&["-o", "a", "--", "-"], " -- '-'\n", 0, "");
    go(&["-o", "a", "--", "--"], " --\n", 0, "");
    go(&["-o", "a", "--", "-a", "-a"], " -a -a --\n", 0, "");
    go(
        &["-o", "abc", "--", "-abc", "-cba"],
        " -a -b -c -c -b -a --\n",
        0,
        "",
    );
    go(
        &["-o", "a:b", "--", "-ab", "-a", "b", "-b"],
        " -a 'b' -a 'b' -b --\n",
        0,
        "",
    );
    go(
        &["-o", "a::", "--", "-a", "x", "-ab"],
        " -a '' -a 'b' -- 'x'\n",
        0,
        "",
    );
    go(
        &["-o", "a", "-l", "foo::", "--", "--foo", "x", "--foo="],
        " --foo '' --foo '' -- 'x'\n",
        0,
        "",
    );
    go(
        &["-o", "a", "-l", "x:,y::,z", "--", "--x", "--y", "--z"],
        " --x '--y' --z --\n",
        0,
        "",
    );
    go(
        &[
            "--options=ab",
            "--longoptions=xx:",
            "--name=nm",
            "--",
            "-a",
            "--xx",
            "1",
            "--x=2",
        ],
        " -a --xx '1' --xx '2' --\n",
        0,
        "",
    );
    go(
        &["-o", "a", "-l", "foo bar", "--", "--bar"],
        " --bar --\n",
        0,
        "",
    );
    go(
        &["-o", "a", "-l", "foo,,bar", "--", "--bar"],
        " --bar --\n",
        0,
        "",
    );
    // No optstring option: the first operand is the optstring.
    go(&["--", "ab", "-a", "x"], " -a -- 'x'\n", 0, "");
    // The optstring "-a" prints operands in place.
    go(&["-u", "--", "-a", "-a", "x"], " -a x --\n", 0, "");
    let long = "v".repeat(100_000);
    go(
        &["-o", "a:", "--", "-a", &long],
        &format!(" -a '{long}' --\n"),
        0,
        "",
    );
    cmd("getopt")
        .args([os(b"-o"), os(b"a"), os(b"--"), os(b"\xff\n")])
        .run()
        .ok()
        .out(b" -- '\xff\n'\n");
}

#[test]
fn orders() {
    go(&["-o", "+a", "--", "x", "-a"], " -- 'x' '-a'\n", 0, "");
    go(
        &["-o", "-a", "--", "x", "-a", "y", "--", "z"],
        " 'x' -a 'y' -- 'z'\n",
        0,
        "",
    );
    cmd("getopt")
        .env("POSIXLY_CORRECT", "1")
        .args(["-o", "a", "--", "x", "-a"])
        .run()
        .ok()
        .out(" -- 'x' '-a'\n");
}

#[test]
fn long_options() {
    go(
        &[
            "-a", "-o", "ab", "-l", "foo", "--", "-foo", "-ab", "-fo", "-x", "-bar",
        ],
        " --foo -a -b --foo -b -a --\n",
        1,
        "ME: unrecognized option '-x'\nME: invalid option -- 'r'\n",
    );
    go(
        &[
            "-a", "-o", "a", "-l", "alpha", "--", "-a", "-al", "--al", "-alpha=x",
        ],
        " -a --alpha --alpha --\n",
        1,
        "ME: option '-alpha' doesn't allow an argument\n",
    );
    go(
        &["-o", "a", "-l", "foo,fob", "--", "--fo"],
        " --\n",
        1,
        "ME: option '--fo' is ambiguous; possibilities: '--foo' '--fob'\n",
    );
    go(
        &["-o", "a", "-l", "foo,foo", "--", "--fo"],
        " --\n",
        1,
        "ME: option '--fo' is ambiguous; possibilities: '--foo' '--foo'\n",
    );
    go(
        &["-o", "a", "-l", "a-b,a_c", "--", "--a-", "--a_"],
        " --a-b --a_c --\n",
        0,
        "",
    );
    go(&["-o", "a", "-l", "foo", "--", "--bar=1", "--foo=2", "-b", "--fo"], " --foo --\n", 1, "ME: unrecognized option '--bar=1'\nME: option '--foo' doesn't allow an argument\nME: invalid option -- 'b'\n");
    go(
        &["-o", "a", "-l", "foo:", "--", "--foo"],
        " --\n",
        1,
        "ME: option '--foo' requires an argument\n",
    );
}

#[test]
fn parse_errors() {
    go(
        &["-o", "a", "--", "-x"],
        " --\n",
        1,
        "ME: invalid option -- 'x'\n",
    );
    go(
        &["-o", "a:", "--", "-a"],
        " --\n",
        1,
        "ME: option requires an argument -- 'a'\n",
    );
    go(
        &["-o", "a;", "--", "-;"],
        " --\n",
        1,
        "ME: invalid option -- ';'\n",
    );
    // A leading ':' silences errors (and -a takes -x as its argument here).
    go(&["-o", ":a:", "--", "-a", "-x"], " -a '-x' --\n", 0, "");
    go(&["-o", ":a", "--", "-x"], " --\n", 1, "");
    go(&["-q", "-o", "a", "--", "-x", "y"], " -- 'y'\n", 1, "");
    go(
        &["-Q", "-o", "a", "--", "-a", "-x"],
        "",
        1,
        "ME: invalid option -- 'x'\n",
    );
    go(&["-qQ", "-o", "a", "--", "-b"], "", 1, "");
    go(
        &["-n", "myprog", "-o", "a", "--", "-x"],
        " --\n",
        1,
        "myprog: invalid option -- 'x'\n",
    );
}

#[test]
fn quoting() {
    go(
        &["-s", "bash", "-o", "a", "--", "a b"],
        " -- 'a b'\n",
        0,
        "",
    );
    go(&["-s", "sh", "-o", "a", "--", "a!b"], " -- 'a!b'\n", 0, "");
    go(
        &["-s", "tcsh", "-o", "a", "--", "a!b c\tx'"],
        " -- 'a'\\!'b'\\ 'c'\\\t'x'\\'''\n",
        0,
        "",
    );
    go(
        &["--shell=csh", "-o", "a", "--", "a\nb"],
        " -- 'a\\nb'\n",
        0,
        "",
    );
    go(
        &["-u", "-o", "a:", "--", "-a", "x y", "z"],
        " -a x y -- z\n",
        0,
        "",
    );
    go(&["--unquoted", "-o", "a", "--", "a'b"], " -- a'b\n", 0, "");
}

#[test]
fn own_options() {
    go(&["-T"], "", 4, "");
    go(&["--test", "-o", "a"], "", 4, "");
    go(
        &[],
        "",
        2,
        "getopt: missing optstring argument\nTry 'getopt --help' for more information.\n",
    );
    go(
        &["-n", "x"],
        "",
        2,
        "getopt: missing optstring argument\nTry 'getopt --help' for more information.\n",
    );
    go(&["-s", "zsh", "-o", "a", "--", "x"], "", 2, "getopt: unknown shell after -s or --shell argument\nTry 'getopt --help' for more information.\n");
    go(
        &["--foo"],
        "",
        2,
        "ME: unrecognized option '--foo'\nTry 'getopt --help' for more information.\n",
    );
    go(
        &["-x"],
        "",
        2,
        "ME: invalid option -- 'x'\nTry 'getopt --help' for more information.\n",
    );
    go(
        &["-l"],
        "",
        2,
        "ME: option requires an argument -- 'l'\nTry 'getopt --help' for more information.\n",
    );
    let o = cmd("getopt").arg("--help").run();
    o.ok();
    assert!(o.stdout_str().starts_with("Usage: getopt "));
    cmd("getopt")
        .args(["-o", "a", "--", "-a"])
        .stdout_full()
        .run()
        .status(1)
        .err("getopt: write error: No space left on device\n");
}

#[test]
fn old_form() {
    go(&["ab:", "-a", "-b", "x", "y"], " -a -b x -- y\n", 0, "");
    go(&["+ab:", "x", "-a"], " -a -- x\n", 0, "");
    go(&["ab"], " --\n", 0, "");
    cmd("getopt")
        .env("GETOPT_COMPATIBLE", "1")
        .args(["-o", "a", "--", "-a", "x"])
        .run()
        .ok()
        .out(" -- a -a x\n");
    cmd("getopt")
        .env("GETOPT_COMPATIBLE", "1")
        .run()
        .ok()
        .out(" --\n");
}
