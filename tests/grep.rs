//! grep: pattern kinds, selection and output options, context, binary
//! files, recursion, colours, exit statuses and error texts, as GNU grep
//! 3.8 prints them in the C locale. CI runs these with and without the
//! fast regex engine.

use crate::common::*;

const F: &str = "alpha\nbeta\ngamma\ndelta\nalphabet soup\nBETA\n\nfoo bar\nfoo_bar\n";
const G: &str = "x\ny\nalpha\n";

/// A directory with the files f and g.
fn files() -> TempDir {
    let t = TempDir::new();
    t.write("f", F);
    t.write("g", G);
    t
}

fn grep(t: &TempDir, args: &[&str]) -> Out {
    cmd("grep").args(args).cwd(t.path()).run()
}

#[track_caller]
fn same(t: &TempDir, args: &[&str], expected: &str) {
    grep(t, args).ok().out(expected);
}

#[test]
fn basic_selection() {
    let t = files();
    same(&t, &["alpha", "f"], "alpha\nalphabet soup\n");
    same(&t, &["-v", "a", "f"], "BETA\n\n");
    same(&t, &["-i", "beta", "f"], "beta\nBETA\n");
    same(&t, &["-y", "ALPHA", "f"], "alpha\nalphabet soup\n");
    same(&t, &["-i", "--no-ignore-case", "BETA", "f"], "BETA\n");
    same(&t, &["-w", "foo", "f"], "foo bar\n");
    same(&t, &["-x", "beta", "f"], "beta\n");
    same(&t, &["-x", "-E", "beta|BETA", "f"], "beta\nBETA\n");
    same(&t, &["-w", "-E", "foo|bar", "f"], "foo bar\n");
    same(
        &t,
        &["-e", "alpha", "-e", "delta", "f"],
        "alpha\ndelta\nalphabet soup\n",
    );
    same(&t, &["alpha\ndelta", "f"], "alpha\ndelta\nalphabet soup\n");
    same(&t, &["-f", "g", "f"], "alpha\nalphabet soup\n");
    same(
        &t,
        &["-e", "beta", "-f", "g", "f"],
        "alpha\nbeta\nalphabet soup\n",
    );
    grep(&t, &["", "f"]).ok().out(F);
    grep(&t, &["-c", "", "f", "g"]).ok().out("f:9\ng:3\n");
    grep(&t, &["-E", "a|", "f"]).ok().out(F);
    // An empty pattern file matches nothing; with -v, everything.
    t.write("empty", "");
    grep(&t, &["-f", "empty", "f"]).status(1).out("");
    grep(&t, &["-v", "-f", "empty", "f"]).ok().out(F);
}

#[test]
fn pattern_kinds() {
    let t = files();
    grep(&t, &["-F", "a.b", "f"]).status(1).out("");
    same(&t, &["-F", "-x", "foo_bar", "f"], "foo_bar\n");
    same(&t, &["l.h", "f"], "alpha\nalphabet soup\n");
    same(&t, &["-E", "^(alpha|beta)$", "f"], "alpha\nbeta\n");
    same(&t, &["^\\(alpha\\|beta\\)$", "f"], "alpha\nbeta\n");
    grep(&t, &["-G", "-E", "-F", "(a", "f"])
        .status(2)
        .out("")
        .err("grep: conflicting matchers specified\n");
    // Back-references (the C library's engine) in BRE and ERE.
    grep(&t, &["\\(al\\).*\\1", "f"]).status(1).out("");
    t.write("r", "abab\nabba\nxyzzy\n");
    same(&t, &["\\(ab\\)\\1", "r"], "abab\n");
    same(&t, &["-E", "(b)\\1", "r"], "abba\n");
    same(&t, &["-E", "(z)\\1", "r"], "xyzzy\n");
    // GNU readings: `{` without an interval is literal in an ERE; a
    // leading `*` in a BRE is literal.
    t.write("br", "a{1\n*x\nx\n");
    same(&t, &["-E", "a{1", "br"], "a{1\n");
    same(&t, &["*x", "br"], "*x\n");
    same(&t, &["[[:punct:]]", "br"], "a{1\n*x\n");
    // egrep and fgrep.
    cmd("egrep")
        .args(["-c", "alpha|beta", "f"])
        .cwd(t.path())
        .run()
        .ok()
        .out("3\n");
    cmd("fgrep")
        .args(["-c", "a.b", "f"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("0\n");
}

#[test]
fn counts_and_names() {
    let t = files();
    same(&t, &["-n", "a", "f", "g"], "f:1:alpha\nf:2:beta\nf:3:gamma\nf:4:delta\nf:5:alphabet soup\nf:8:foo bar\nf:9:foo_bar\ng:3:alpha\n");
    same(&t, &["-c", "a", "f", "g"], "f:7\ng:1\n");
    same(&t, &["-c", "-m2", "a", "f"], "2\n");
    same(&t, &["-l", "alpha", "f", "g"], "f\ng\n");
    same(&t, &["-L", "beta", "f", "g"], "g\n");
    same(&t, &["-H", "beta", "f"], "f:beta\n");
    same(
        &t,
        &["-h", "alpha", "f", "g"],
        "alpha\nalphabet soup\nalpha\n",
    );
    grep(&t, &["-Z", "-l", "a", "f", "g"]).ok().out("f\0g\0");
    grep(&t, &["-Z", "-H", "x", "g"]).ok().out("g\0x\n");
    cmd("grep")
        .args(["-c", "a", "-", "f"])
        .cwd(t.path())
        .stdin(G)
        .run()
        .ok()
        .out("(standard input):1\nf:7\n");
    cmd("grep")
        .args(["--label=LBL", "-H", "alpha"])
        .stdin(G)
        .run()
        .ok()
        .out("LBL:alpha\n");
    // -L's status follows selected lines, as GNU 3.8.
    grep(&t, &["-L", "zzz", "g"]).status(1).out("g\n");
}

#[test]
fn only_matching_and_offsets() {
    let t = files();
    same(&t, &["-o", "al[a-z]*", "f"], "alpha\nalphabet\n");
    same(&t, &["-o", "-i", "BETA", "f"], "beta\nBETA\n");
    same(&t, &["-b", "-o", "a", "g"], "4:a\n8:a\n");
    same(&t, &["-ob", "o", "f"], "33:o\n44:o\n45:o\n52:o\n53:o\n");
    same(&t, &["-b", "x", "g"], "0:x\n");
    // Empty matches print nothing; -w with `o*` finds no word.
    cmd("grep")
        .args(["-o", ""])
        .stdin("abc\n")
        .run()
        .ok()
        .out("");
    grep(&t, &["-ow", "o*", "f"]).status(0).out("");
    // Leftmost-longest, as POSIX.
    cmd("grep")
        .args(["-o", "-E", "a|ab"])
        .stdin("xabc\n")
        .run()
        .ok()
        .out("ab\n");
    cmd("grep")
        .args(["-o", "-E", "(a|ab)(c|bcd)"])
        .stdin("abcd\n")
        .run()
        .ok()
        .out("abcd\n");
}

#[test]
fn context() {
    let t = files();
    same(&t, &["-C1", "gamma", "f"], "beta\ngamma\ndelta\n");
    same(
        &t,
        &["-A1", "-n", "alpha", "f"],
        "1:alpha\n2-beta\n--\n5:alphabet soup\n6-BETA\n",
    );
    same(
        &t,
        &["-B2", "-n", "delta", "f"],
        "2-beta\n3-gamma\n4:delta\n",
    );
    same(
        &t,
        &["-A1", "-B1", "-e", "beta", "-e", "delta", "f"],
        "alpha\nbeta\ngamma\ndelta\nalphabet soup\n",
    );
    same(
        &t,
        &["-A0", "-e", "beta", "-e", "delta", "f"],
        "beta\n--\ndelta\n",
    );
    same(
        &t,
        &[
            "--group-separator=XX",
            "-A0",
            "-e",
            "beta",
            "-e",
            "delta",
            "f",
        ],
        "beta\nXX\ndelta\n",
    );
    same(
        &t,
        &[
            "--no-group-separator",
            "-A0",
            "-e",
            "beta",
            "-e",
            "delta",
            "f",
        ],
        "beta\ndelta\n",
    );
    same(
        &t,
        &["-A1", "alpha", "f", "g"],
        "f:alpha\nf-beta\n--\nf:alphabet soup\nf-BETA\n--\ng:alpha\n",
    );
    // -NUM is -C NUM.
    same(&t, &["-1", "gamma", "f"], "beta\ngamma\ndelta\n");
    // After -m, the trailing context is printed, matching or not.
    same(&t, &["-m1", "-A1", "a", "f"], "alpha\nbeta\n");
    same(
        &t,
        &["-m2", "-A3", "-n", "a", "f"],
        "1:alpha\n2:beta\n3-gamma\n4-delta\n5-alphabet soup\n",
    );
    // Context across the reads of a large input.
    let big: String = (1..=200_000).map(|i| format!("{i}\n")).collect();
    cmd("grep")
        .args(["-n", "-C2", "^1234[05]$"])
        .stdin(&big)
        .run()
        .ok()
        .out("12338-12338\n12339-12339\n12340:12340\n12341-12341\n12342-12342\n12343-12343\n12344-12344\n12345:12345\n12346-12346\n12347-12347\n");
    cmd("grep")
        .args(["-c", "7"])
        .stdin(&big)
        .run()
        .ok()
        .out("81902\n");
    cmd("grep")
        .args(["-n", "^199999$"])
        .stdin(&big)
        .run()
        .ok()
        .out("199999:199999\n");
}

#[test]
fn initial_tab_pads_to_the_file_size() {
    let t = files();
    // f is 65 bytes: two digits; standard input: 19.
    same(&t, &["-nT", "gamma", "f"], " 3:\tgamma\n");
    cmd("grep")
        .args(["-HnbT", "2"])
        .stdin("1\n2\n3\n")
        .run()
        .ok()
        .out("(standard input):                  2:                  2:\t2\n");
}

#[test]
fn null_data_and_missing_newline() {
    let t = files();
    same(&t, &["-z", "-c", "a", "f"], "1\n");
    cmd("grep")
        .args(["-z", "b"])
        .stdin("a\0b\0cb")
        .run()
        .ok()
        .out("b\0cb\0");
    cmd("grep").arg("foo").stdin("foo").run().ok().out("foo\n");
    cmd("grep").arg("x").stdin("").run().status(1).out("");
}

#[test]
fn binary_files() {
    let t = TempDir::new();
    t.write("b", b"a\0b\nab\n");
    cmd("grep")
        .args(["a", "b"])
        .cwd(t.path())
        .run()
        .status(0)
        .out("")
        .err("grep: b: binary file matches\n");
    cmd("grep")
        .args(["-c", "a", "b"])
        .cwd(t.path())
        .run()
        .ok()
        .out("2\n");
    cmd("grep")
        .args(["-a", "a", "b"])
        .cwd(t.path())
        .run()
        .ok()
        .out(b"a\0b\nab\n");
    cmd("grep")
        .args(["--binary-files=text", "ab", "b"])
        .cwd(t.path())
        .run()
        .ok()
        .out("ab\n");
    cmd("grep")
        .args(["-I", "a", "b"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("");
    cmd("grep")
        .args(["--binary-files=foo", "a", "b"])
        .cwd(t.path())
        .run()
        .status(2)
        .err("grep: unknown binary-files type\n");
}

#[test]
fn recursion_and_filters() {
    let t = files();
    std::fs::create_dir(t.join("d")).expect("mkdir");
    t.write("d/h.c", "alpha c\n");
    let sorted = |o: &Out| {
        let mut v: Vec<String> = o.stdout_str().lines().map(str::to_string).collect();
        v.sort();
        v.join("\n")
    };
    let o = grep(&t, &["-r", "alpha"]);
    o.ok();
    assert_eq!(
        sorted(&o),
        "d/h.c:alpha c\nf:alpha\nf:alphabet soup\ng:alpha"
    );
    let o = grep(&t, &["-r", "alpha", "."]);
    assert_eq!(
        sorted(&o),
        "./d/h.c:alpha c\n./f:alpha\n./f:alphabet soup\n./g:alpha"
    );
    let o = grep(&t, &["-rl", "--include=*.c", "alpha"]);
    assert_eq!(sorted(&o), "d/h.c");
    let o = grep(&t, &["-rl", "--exclude=g", "alpha"]);
    assert_eq!(sorted(&o), "d/h.c\nf");
    let o = grep(&t, &["-rl", "--exclude-dir=d", "alpha"]);
    assert_eq!(sorted(&o), "f\ng");
    let o = grep(&t, &["-rc", "alpha", "d"]);
    o.ok().out("d/h.c:1\n");
    // A single file operand under -r gets no name.
    grep(&t, &["-r", "alpha", "g"]).ok().out("alpha\n");
    // Directories without -r.
    grep(&t, &["alpha", "d"])
        .status(2)
        .err("grep: d: Is a directory\n");
    grep(&t, &["-d", "skip", "alpha", "d"]).status(1).err("");
    grep(&t, &["-d", "recurse", "-h", "alpha", "d"])
        .ok()
        .out("alpha c\n");
    grep(&t, &["-d", "foo", "a", "f"])
        .status(2)
        .err_has("invalid argument 'foo' for '--directories'");
}

#[test]
fn colours() {
    let t = files();
    grep(&t, &["--color=always", "-n", "-A1", "alp", "g"])
        .ok()
        .out("\x1b[32m\x1b[K3\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\x1b[01;31m\x1b[Kalp\x1b[m\x1b[Kha\n");
    grep(&t, &["--color=always", "-H", "-o", "a", "g"])
        .ok()
        .out("\x1b[35m\x1b[Kg\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\x1b[01;31m\x1b[Ka\x1b[m\x1b[K\n\x1b[35m\x1b[Kg\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\x1b[01;31m\x1b[Ka\x1b[m\x1b[K\n");
    // With -v the matches in context lines are marked.
    cmd("grep")
        .args(["--color=always", "-v", "-A1", "cd"])
        .stdin("ab\ncd\n")
        .run()
        .ok()
        .out("ab\n\x1b[01;31m\x1b[Kcd\x1b[m\x1b[K\n");
    cmd("grep")
        .args(["--color=always", "b"])
        .env("GREP_COLORS", "mt=01;32:ne")
        .stdin("abc\n")
        .run()
        .ok()
        .out("a\x1b[01;32mb\x1b[mc\n");
    // auto and never: no colour on a pipe.
    same(&t, &["--color", "x", "g"], "x\n");
    same(&t, &["--colour=never", "x", "g"], "x\n");
    grep(&t, &["--color=sometimes", "x", "g"])
        .status(2)
        .err_has("invalid argument 'sometimes' for '--color'");
}

#[test]
fn exit_statuses_and_errors() {
    let t = files();
    grep(&t, &["-q", "zzz", "f"]).status(1).out("");
    grep(&t, &["-q", "alpha", "f"]).status(0).out("");
    grep(&t, &["zz", "nonexist", "f"])
        .status(2)
        .err("grep: nonexist: No such file or directory\n");
    grep(&t, &["alpha", "nonexist", "f"])
        .status(2)
        .out("f:alpha\nf:alphabet soup\n");
    // -q with a match: 0 despite the error; -s silences it.
    grep(&t, &["-q", "a", "nonexist", "f"]).status(0);
    grep(&t, &["-s", "zz", "nonexist"]).status(2).err("");
    grep(&t, &["-E", "(", "f"])
        .status(2)
        .err("grep: Unmatched ( or \\(\n");
    grep(&t, &["-E", ")", "f"]).status(1).err("");
    grep(&t, &["a\\{", "f"])
        .status(2)
        .err("grep: Unmatched \\{\n");
    grep(&t, &["a\\{x\\}", "f"])
        .status(2)
        .err("grep: Invalid content of \\{\\}\n");
    grep(&t, &["[[:alpha:]", "f"])
        .status(2)
        .err("grep: Unmatched [, [^, [:, [., or [=\n");
    grep(&t, &["[:space:]", "f"])
        .status(2)
        .err("grep: character class syntax is [[:space:]], not [:space:]\n");
    grep(&t, &["[[:foo:]]", "f"])
        .status(2)
        .err("grep: Invalid character class name\n");
    grep(&t, &["a\\", "f"])
        .status(2)
        .err("grep: Trailing backslash\n");
    grep(&t, &["\\(a\\)\\2", "f"])
        .status(2)
        .err("grep: Invalid back reference\n");
    grep(&t, &["[z-a]", "f"])
        .status(2)
        .err("grep: Invalid range end\n");
    grep(&t, &["-A", "x", "a", "f"])
        .status(2)
        .err("grep: x: invalid context length argument\n");
    grep(&t, &["-m", "x", "a", "f"])
        .status(2)
        .err("grep: invalid max count\n");
    if !cfg!(feature = "fast-regex") {
        grep(&t, &["-P", "a", "f"]).status(2).err(
            "grep: -P (Perl regular expressions) is not supported in a build without fast-regex\n",
        );
    }
    grep(&t, &["-f", "nope", "f"])
        .status(2)
        .err("grep: nope: No such file or directory\n");
    cmd("grep").run().status(2).err_has("Usage: grep");
    cmd("grep").arg("--bogus").run().status(2);
    // -m 0 selects nothing.
    grep(&t, &["-m0", "a", "f"]).status(1).out("");
    // When nothing can be selected the -L list still has every file, and
    // -c still counts (POSIX; see count_with_nothing_selectable).
    t.write("empty", "");
    grep(&t, &["-L", "-v", "", "f"]).status(1).out("f\n");
    grep(&t, &["-L", "-m0", "a", "f"]).status(1).out("f\n");
    grep(&t, &["-c", "-m0", "a", "f", "f"])
        .status(1)
        .out("f:0\nf:0\n");
    grep(&t, &["-c", "-f", "empty", "f"]).status(1).out("0\n");
}

#[test]
fn output_onto_an_input_is_refused() {
    let t = files();
    let out = std::fs::OpenOptions::new()
        .append(true)
        .open(t.join("f"))
        .expect("open");
    cmd("grep")
        .args(["alpha", "f", "g"])
        .cwd(t.path())
        .stdout_to(out)
        .run()
        .status(2)
        .err("grep: f: input file is also the output\n");
    assert_eq!(
        std::fs::read_to_string(t.join("f")).expect("read"),
        format!("{F}g:alpha\n")
    );
}

/// POSIX: -c prints the count even when no line can be selected (GNU 3.8
/// prints nothing for `-vc ''`; BusyBox prints 0).
#[test]
fn count_with_nothing_selectable() {
    cmd("grep")
        .args(["-vc", ""])
        .stdin("a\nb\n")
        .run()
        .status(1)
        .out("0\n");
}

#[test]
fn inverted_runs_of_lines() {
    // -v copies runs of unmatched lines at once when nothing is added to
    // them; the result must be the per-line one, a missing final newline
    // supplied, and a large input crossing read buffers.
    case("grep", &["-v", "200"], "a\nb 200\nc\nd", "a\nc\nd\n");
    case("grep", &["-v", "x"], "a\n\nb\n", "a\n\nb\n");
    cmd("grep")
        .args(["-v", "^"])
        .stdin("a\nb\n")
        .run()
        .status(1)
        .out("");
    case("grep", &["-v", "-m1", "x"], "a\nb\n", "a\n");
    case("grep", &["-v", "-n", "b"], "a\nb\nc\n", "1:a\n3:c\n");
    let mut input = String::new();
    let mut want = String::new();
    for i in 0..200_000 {
        let line = format!("line {i} {}\n", if i % 7 == 0 { "skip" } else { "keep" });
        if i % 7 != 0 {
            want.push_str(&line);
        }
        input.push_str(&line);
    }
    cmd("grep")
        .args(["-v", "skip"])
        .stdin(input)
        .run()
        .ok()
        .out(want);
}

#[test]
fn conflicting_matchers() {
    for args in [
        &["-E", "-F", "a"][..],
        &["-F", "-G", "a"],
        &["-G", "-E", "a"],
        &["--fixed-strings", "--basic-regexp", "a"],
        &["-E", "-P", "a"],
    ] {
        cmd("grep")
            .args(args)
            .stdin("a\n")
            .run()
            .status(2)
            .out("")
            .err("grep: conflicting matchers specified\n");
    }
    cmd("egrep")
        .args(["-F", "a"])
        .stdin("a\n")
        .run()
        .status(2)
        .err("egrep: conflicting matchers specified\n");
    // The same one twice is fine.
    cmd("grep")
        .args(["-E", "-E", "a|b"])
        .stdin("b\n")
        .run()
        .ok()
        .out("b\n");
    cmd("egrep")
        .args(["-E", "a|b"])
        .stdin("b\n")
        .run()
        .ok()
        .out("b\n");
}

#[test]
fn unix_byte_offsets_is_obsolete() {
    cmd("grep")
        .args(["-u", "-b", "c"])
        .stdin("ab\ncd\n")
        .run()
        .status(0)
        .out("3:cd\n")
        .err("grep: warning: --unix-byte-offsets (-u) is obsolete\n");
}

/// sub/s.txt and sub/deep/x.c, both holding "foo".
fn tree() -> TempDir {
    let t = TempDir::new();
    std::fs::create_dir_all(t.join("sub/deep")).expect("mkdir");
    t.write("sub/s.txt", "foo s\n");
    t.write("sub/deep/x.c", "foo c\n");
    t
}

#[test]
fn include_exclude_in_a_tree_match_the_last_component() {
    let t = tree();
    let run = |opt: &str| {
        let o = grep(&t, &["-r", opt, "foo", "sub"]);
        let mut v: Vec<String> = o.stdout_str().lines().map(str::to_string).collect();
        v.sort();
        v.join(",")
    };
    let both = "sub/deep/x.c:foo c,sub/s.txt:foo s";
    // Under -r only the file's own name is matched.
    assert_eq!(run("--exclude=s*"), "sub/deep/x.c:foo c");
    assert_eq!(run("--exclude=sub/s.txt"), both);
    assert_eq!(run("--exclude=*/x.c"), both);
    assert_eq!(run("--exclude=x.c"), "sub/s.txt:foo s");
    assert_eq!(run("--include=s*"), "sub/s.txt:foo s");
    assert_eq!(run("--include=deep/x.c"), "");
    assert_eq!(run("--exclude-dir=d*"), "sub/s.txt:foo s");
    assert_eq!(run("--exclude-dir=sub/deep"), both);
    // A trailing slash names the directory.
    assert_eq!(run("--exclude-dir=deep/"), "sub/s.txt:foo s");
    assert_eq!(run("--exclude-dir=deep//"), "sub/s.txt:foo s");
    // On the command line the whole name or any part after a slash
    // counts (`*` matching slashes too).
    grep(&t, &["--exclude=s*", "foo", "sub/s.txt", "sub/deep/x.c"])
        .status(1)
        .out("");
    grep(&t, &["--exclude=x*", "foo", "sub/s.txt", "sub/deep/x.c"])
        .ok()
        .out("sub/s.txt:foo s\n");
    grep(
        &t,
        &["--exclude=deep/x.c", "foo", "sub/s.txt", "sub/deep/x.c"],
    )
    .ok()
    .out("sub/s.txt:foo s\n");
}

#[test]
fn recursive_loop_warning() {
    let t = tree();
    std::os::unix::fs::symlink("..", t.join("sub/up")).expect("symlink");
    let o = grep(&t, &["-R", "-c", "foo", "sub"]);
    o.status(0)
        .err("grep: sub/up/sub: warning: recursive directory loop\n");
}

#[test]
fn only_matching_keeps_group_separators() {
    let t = TempDir::new();
    t.write("f", "foo bar\nFoo baz\nqux\nfoobar foo\n\nend foo\n");
    // Context lines are not shown, but the gaps between groups are.
    grep(&t, &["-o", "-A1", "bar", "f"])
        .ok()
        .out("bar\n--\nbar\n");
    grep(&t, &["-o", "-B1", "foo", "f"])
        .ok()
        .out("foo\n--\nfoo\nfoo\nfoo\n");
    grep(&t, &["-o", "-C1", "-n", "bar", "f"])
        .ok()
        .out("1:bar\n4:bar\n");
    grep(&t, &["-o", "-A1", "--group-separator=XX", "bar", "f"])
        .ok()
        .out("bar\nXX\nbar\n");
    grep(&t, &["-o", "-A1", "--no-group-separator", "bar", "f"])
        .ok()
        .out("bar\nbar\n");
    grep(&t, &["-o", "-A1", "-m1", "foo", "f"])
        .ok()
        .out("foo\n");
}

#[test]
fn grep_color_and_rv() {
    let run = |env: &[(&str, &str)], args: &[&str], input: &str| {
        let mut c = cmd("grep").args(args).stdin(input);
        for (k, v) in env {
            c = c.env(k, v);
        }
        c.run()
    };
    run(
        &[("GREP_COLOR", "01;32")],
        &["--color=always", "b"],
        "abc\n",
    )
    .status(0)
    .out("a\x1b[01;32m\x1b[Kb\x1b[m\x1b[Kc\n")
    .err("grep: warning: GREP_COLOR='01;32' is deprecated; use GREP_COLORS='mt=01;32'\n");
    // GREP_COLORS wins, and then there is no warning.
    run(
        &[("GREP_COLOR", "01;32"), ("GREP_COLORS", "mt=01;33")],
        &["--color=always", "b"],
        "abc\n",
    )
    .ok()
    .out("a\x1b[01;33m\x1b[Kb\x1b[m\x1b[Kc\n");
    // Not a colour, or no colours: ignored.
    run(&[("GREP_COLOR", "x")], &["--color=always", "b"], "abc\n")
        .ok()
        .out("a\x1b[01;31m\x1b[Kb\x1b[m\x1b[Kc\n");
    run(&[("GREP_COLOR", "01;32")], &["b"], "abc\n")
        .ok()
        .out("abc\n");
    // rv swaps sl and cx under -v.
    let sgr = |c: &str, t: &str| format!("\x1b[{c}m\x1b[K{t}\x1b[m\x1b[K\n");
    run(
        &[("GREP_COLORS", "rv:sl=1:cx=2")],
        &["--color=always", "-v", "x"],
        "a\nx\n",
    )
    .ok()
    .out(sgr("2", "a"));
    run(
        &[("GREP_COLORS", "sl=1:cx=2")],
        &["--color=always", "-v", "x"],
        "a\nx\n",
    )
    .ok()
    .out(sgr("1", "a"));
}

#[test]
fn encoding_errors_in_a_utf8_locale() {
    let run = |args: &[&str], loc: &str| {
        cmd("grep")
            .args(args)
            .env("LC_ALL", loc)
            .stdin(&b"ok x\ncaf\xe9 x\nok2 x\n"[..])
            .run()
    };
    let msg = "grep: (standard input): binary file matches\n";
    // The bad line is held back, the others printed, then the message.
    run(&["x"], "C.UTF-8")
        .status(0)
        .out("ok x\nok2 x\n")
        .err(msg);
    run(&["-s", "-n", "x"], "C.UTF-8")
        .status(0)
        .out("1:ok x\n3:ok2 x\n")
        .err(msg);
    run(&["-c", "x"], "C.UTF-8").ok().out("3\n");
    run(&["-o", "x"], "C.UTF-8").ok().out("x\nx\nx\n");
    run(&["--binary-files=without-match", "x"], "C.UTF-8")
        .ok()
        .out("ok x\nok2 x\n");
    // A held-back line does not join groups.
    run(&["-A1", "ok"], "C.UTF-8")
        .status(0)
        .out("ok x\n--\nok2 x\n")
        .err(msg);
    run(&["-a", "x"], "C.UTF-8")
        .ok()
        .out(&b"ok x\ncaf\xe9 x\nok2 x\n"[..]);
    run(&["x"], "C").ok().out(&b"ok x\ncaf\xe9 x\nok2 x\n"[..]);
}

/// -P: the fast engine's Perl syntax, leftmost-first matches, `\K`, with
/// -i -w -x -o -c -n as GNU grep -P gives them (checked against GNU 3.8).
#[cfg(feature = "fast-regex")]
#[test]
fn perl_regexps() {
    let t = TempDir::new();
    t.write(
        "p",
        "version=1.2.3 x\nfoo 42 bar\nFOO\nxfoox\nkey: a=b c=d\n",
    );
    same(&t, &["-oP", "version=\\K[0-9.]+", "p"], "1.2.3\n");
    same(&t, &["-P", "\\d+", "p"], "version=1.2.3 x\nfoo 42 bar\n");
    same(&t, &["-oP", "\\d+", "p"], "1\n2\n3\n42\n");
    same(&t, &["-iP", "^foo", "p"], "foo 42 bar\nFOO\n");
    same(&t, &["-wP", "foo", "p"], "foo 42 bar\n");
    same(&t, &["-xP", "FOO", "p"], "FOO\n");
    same(&t, &["-cP", "fo+?", "p"], "2\n");
    // Lazy and leftmost-first, not leftmost-longest.
    same(&t, &["-oP", "fo+?", "p"], "fo\nfo\n");
    same(&t, &["-oP", "a|a=b", "p"], "a\na\n");
    same(&t, &["-oP", "(\\w)=\\K\\w", "p"], "1\nb\nd\n");
    same(&t, &["-nP", "\\bbar\\b", "p"], "2:foo 42 bar\n");
    same(&t, &["-oP", "(?i)x", "p"], "x\nx\nx\n");
    // \K inside a group or a bracket is not a top-level one: refused
    // (GNU takes it inside a group; PCRE refuses it in a bracket).
    grep(&t, &["-oP", "[\\K]", "p"])
        .status(2)
        .err("grep: unrecognized escape sequence\n");
    grep(&t, &["-P", "(?<=x)foo", "p"])
        .status(2)
        .err("grep: look-around, including look-ahead and look-behind, is not supported\n");
    grep(&t, &["-P", "(a)\\1", "p"])
        .status(2)
        .err("grep: backreferences are not supported\n");
    grep(&t, &["-P", "nomatch", "p"]).status(1).out("");
}

// ---------------------------------------------------------------------
// Option-by-option conformance: every expected stdout, stderr and status
// below was taken from GNU grep 3.8 (Debian 12's /bin/grep) run on the
// same files and input in the C locale. Where oxbox keeps a deliberate
// difference the case is left out and the reason is in a comment.

/// The files of the conformance cases.
fn conformance_files() -> TempDir {
    let t = TempDir::new();
    t.write("f", F);
    t.write("g", G);
    t.write("b", b"a\0b\nab\n");
    t.write("empty", "");
    t.write("nl", "\n");
    t.write("nonl", "beta");
    t.write("pats", "foo\n\nzz\n");
    t.write("n", "1\n2\n3\n4\n5\n6\n7\n8\n9\n");
    // A NUL only after GNU's first read: the lines before it are text.
    let mut big2 = b"first a\n".to_vec();
    big2.extend("zzzzzzzzzzzzzzzzzzz\n".repeat(15000).bytes());
    big2.extend_from_slice(b"x a\0y\ntail a\n");
    t.write("big2", big2);
    t.write(
        "long",
        format!(
            "{}needle{}\nshort needle\n",
            "x".repeat(100_000),
            "y".repeat(100)
        ),
    );
    std::fs::create_dir_all(t.join("dd/sub")).expect("mkdir");
    t.write("dd/sub/i.txt", "alpha in\n");
    t.write("dd/h.c", "alpha c\n");
    std::os::unix::fs::symlink("../../g", t.join("dd/sub/lnk")).expect("symlink");
    std::os::unix::fs::symlink("dd", t.join("ld")).expect("symlink");
    t.write("ex", "*.txt\n");
    t
}

/// Runs `name args` in `t` with `input` and the environment `env`.
fn run_in(t: &TempDir, name: &str, env: &[(&str, &str)], args: &[&str], input: &str) -> Out {
    let mut c = cmd(name).args(args).stdin(input).cwd(t.path());
    for (k, v) in env {
        c = c.env(k, v);
    }
    c.run()
}

/// `grep args` with `input` gives GNU's status, stdout and stderr.
#[track_caller]
fn g(t: &TempDir, args: &[&str], input: &str, status: i32, out: &str, err: &str) {
    run_in(t, "grep", &[], args, input)
        .status(status)
        .out(out)
        .err(err);
}

/// As `g`, with an environment (GREP_COLORS).
#[track_caller]
fn ge(
    t: &TempDir,
    env: &[(&str, &str)],
    args: &[&str],
    input: &str,
    status: i32,
    out: &str,
    err: &str,
) {
    run_in(t, "grep", env, args, input)
        .status(status)
        .out(out)
        .err(err);
}

/// As `g`, under another name (egrep, fgrep).
#[track_caller]
fn gn(t: &TempDir, name: &str, args: &[&str], input: &str, status: i32, out: &str, err: &str) {
    run_in(t, name, &[], args, input)
        .status(status)
        .out(out)
        .err(err);
}

/// As `g`, with the output lines sorted (a tree's order is the
/// directory's, in GNU as here).
#[track_caller]
fn gs(t: &TempDir, args: &[&str], input: &str, status: i32, out: &str, err: &str) {
    let o = run_in(t, "grep", &[], args, input);
    o.status(status).err(err);
    let mut lines: Vec<&str> = std::str::from_utf8(&o.stdout)
        .expect("utf-8")
        .split_inclusive('\n')
        .collect();
    lines.sort_unstable();
    assert_eq!(lines.concat(), out, "sorted stdout of grep {args:?}");
}

#[test]
#[rustfmt::skip]
fn conformance_matchers_and_case() {
    let t = conformance_files();
    g(&t, &["-G", "a\\|x", "g"], "", 0, "x\nalpha\n", "");
    g(&t, &["-E", "a|x", "g"], "", 0, "x\nalpha\n", "");
    g(&t, &["-F", "a|x", "g"], "", 1, "", "");
    g(&t, &["-F", "-e", "x", "-e", "y", "g"], "", 0, "x\ny\n", "");
    g(&t, &["-i", "ALPHA", "g"], "", 0, "alpha\n", "");
    g(&t, &["-y", "X", "g"], "", 0, "x\n", "");
    g(&t, &["--ignore-case", "-c", "beta", "f"], "", 0, "2\n", "");
    g(&t, &["-i", "--no-ignore-case", "ALPHA", "g"], "", 1, "", "");
    g(&t, &["--no-ignore-case", "-i", "ALPHA", "g"], "", 0, "alpha\n", "");
    g(&t, &["-v", "-c", "a", "f"], "", 0, "2\n", "");
    g(&t, &["--invert-match", "a", "g"], "", 0, "x\ny\n", "");
    g(&t, &["--regexp=beta", "f"], "", 0, "beta\n", "");
    g(&t, &["--regexp", "x", "--regexp", "y", "g"], "", 0, "x\ny\n", "");
    g(&t, &["--file=g", "f"], "", 0, "alpha\nalphabet soup\n", "");
    g(&t, &["--fixed-strings", "a.b", "f"], "", 1, "", "");
    g(&t, &["--extended-regexp", "x|y", "g"], "", 0, "x\ny\n", "");
    g(&t, &["--basic-regexp", "x\\|y", "g"], "", 0, "x\ny\n", "");
    g(&t, &["-e", "", "g"], "", 0, "x\ny\nalpha\n", "");
    g(&t, &["-c", "-e", "", "f"], "", 0, "9\n", "");
    g(&t, &["-f", "nl", "g"], "", 0, "x\ny\nalpha\n", "");
    g(&t, &["-c", "-f", "nl", "f"], "", 0, "9\n", "");
    g(&t, &["-f", "pats", "f"], "", 0, "alpha\nbeta\ngamma\ndelta\nalphabet soup\nBETA\n\nfoo bar\nfoo_bar\n", "");
    g(&t, &["-f", "empty", "-e", "x", "g"], "", 0, "x\n", "");
    g(&t, &["-x", "-f", "pats", "f"], "", 0, "\n", "");
    g(&t, &["-e", "x", "-e", "alpha", "g"], "", 0, "x\nalpha\n", "");
    g(&t, &["x\ny", "g"], "", 0, "x\ny\n", "");
    g(&t, &["-c", "x\nalpha", "g"], "", 0, "2\n", "");
    g(&t, &["-F", "x\nalp", "g"], "", 0, "x\nalpha\n", "");
    g(&t, &["-F", "-w", "-e", "foo", "-e", "bar"], "Foo\nfoo bar\nfoobar\n", 0, "foo bar\n", "");
    g(&t, &["-F", "-x", "-e", "foo", "-e", "foobar"], "Foo\nfoo bar\nfoobar\n", 0, "foobar\n", "");
    g(&t, &["-F", "-i", "-e", "FOO", "-e", "BAR"], "Foo\nfoo bar\nfoobar\nxyz\n", 0, "Foo\nfoo bar\nfoobar\n", "");
    g(&t, &["-F", "-io", "-e", "FOO", "-e", "BAR"], "Foo\nfoo bar\nfoobar\n", 0, "Foo\nfoo\nbar\nfoo\nbar\n", "");
    g(&t, &["-Fiw", "foo"], "Foo\nfoo bar\nfoobar\n", 0, "Foo\nfoo bar\n", "");
    g(&t, &["-Fix", "FOO"], "Foo\nfoo bar\n", 0, "Foo\n", "");
    g(&t, &["-F", ""], "a\n\n", 0, "a\n\n", "");
    g(&t, &["-Fw", "ab"], "xab ab\n", 0, "xab ab\n", "");
    // Patterns from standard input (-f -), and a pattern file without a final newline.
    g(&t, &["-f", "-", "g"], "x\ny\n", 0, "x\ny\n", "");
    g(&t, &["-F", "-f", "-", "f"], "foo\n\nzz\n", 0, "alpha\nbeta\ngamma\ndelta\nalphabet soup\nBETA\n\nfoo bar\nfoo_bar\n", "");
    g(&t, &["-c", "-f", "nonl", "-f", "g", "f"], "", 0, "3\n", "");
    g(&t, &["-e", "al", "-e", "alp", "-o", "f"], "", 0, "alp\nalp\n", "");
}

#[test]
#[rustfmt::skip]
fn conformance_words_and_lines() {
    let t = conformance_files();
    // -w retries after a match that fails the word test (`xab ab`).
    g(&t, &["-w", "ab"], "xab ab\n", 0, "xab ab\n", "");
    g(&t, &["-ow", "ab"], "xab ab abx ab_ (ab)\n", 0, "ab\nab\n", "");
    g(&t, &["-cw", "ab"], "xab\nabx\nab_\n_ab\n", 1, "0\n", "");
    g(&t, &["-w", "foo_bar", "f"], "", 0, "foo_bar\n", "");
    g(&t, &["--word-regexp", "foo", "f"], "", 0, "foo bar\n", "");
    g(&t, &["-w", "b*"], "abb\na+b\n", 0, "a+b\n", "");
    g(&t, &["-x", "-E", "ab|c"], "abc\nab\nc\n", 0, "ab\nc\n", "");
    g(&t, &["-x", "ab\\|c"], "abc\nab\nc\n", 0, "ab\nc\n", "");
    g(&t, &["--line-regexp", "beta", "f"], "", 0, "beta\n", "");
    g(&t, &["-x", ""], "a\n\nb\n", 0, "\n", "");
    g(&t, &["-xc", "^$", "f"], "", 0, "1\n", "");
    g(&t, &["-n", "^$", "f"], "", 0, "7:\n", "");
    g(&t, &["-w", ""], "a\n\n b\n", 0, "\n b\n", "");
    g(&t, &["-xw", "ab"], "ab\nab c\n", 0, "ab\n", "");
}

#[test]
#[rustfmt::skip]
fn conformance_counts_and_lists() {
    let t = conformance_files();
    g(&t, &["-cv", "a"], "a\nb\na\n", 0, "1\n", "");
    g(&t, &["-c", "-m2", "a"], "a\na\na\nb\n", 0, "2\n", "");
    g(&t, &["-c", "-v", "-m1", "a"], "a\nb\nc\n", 0, "1\n", "");
    g(&t, &["--count", "a", "f", "g"], "", 0, "f:7\ng:1\n", "");
    g(&t, &["-c", "zzz", "f"], "", 1, "0\n", "");
    g(&t, &["-lv", "a", "f", "g"], "", 0, "f\ng\n", "");
    g(&t, &["-l", "zzz", "f", "g"], "", 1, "", "");
    g(&t, &["--files-with-matches", "x", "f", "g"], "", 0, "g\n", "");
    // -L: GNU 3.8 exits 0 when some line was selected, not when a file is listed (3.5-3.7 did the reverse). -l/-L win over -c.
    g(&t, &["-L", "alpha", "f", "g"], "", 0, "", "");
    g(&t, &["-L", "zzz", "f", "g"], "", 1, "f\ng\n", "");
    g(&t, &["-L", "x", "f", "g"], "", 0, "f\n", "");
    g(&t, &["--files-without-match", "x", "f", "g"], "", 0, "f\n", "");
    g(&t, &["-L", "a", "empty"], "", 1, "empty\n", "");
    g(&t, &["-l", "-c", "a", "f"], "", 0, "f\n", "");
    g(&t, &["-c", "-l", "a", "f"], "", 0, "f\n", "");
    g(&t, &["-l", "a", "-", "g"], "a\n", 0, "(standard input)\ng\n", "");
    g(&t, &["-lH", "a", "g"], "", 0, "g\n", "");
    // -Z: a NUL instead of the separator after names, also with -c and -l.
    g(&t, &["-Zc", "a", "f", "g"], "", 0, "f\x007\ng\x001\n", "");
    g(&t, &["-Zl", "a", "f", "g"], "", 0, "f\0g\0", "");
    g(&t, &["-ZL", "zzz", "f", "g"], "", 1, "f\0g\0", "");
    g(&t, &["--null", "-n", "alpha", "f", "g"], "", 0, "f\x001:alpha\nf\x005:alphabet soup\ng\x003:alpha\n", "");
    g(&t, &["-Z", "alpha", "g"], "", 0, "alpha\n", "");
    g(&t, &["-m1", "a", "f", "g"], "", 0, "f:alpha\ng:alpha\n", "");
    g(&t, &["--max-count=2", "a", "f"], "", 0, "alpha\nbeta\n", "");
    g(&t, &["--max-count", "1", "-c", "a", "f"], "", 0, "1\n", "");
    g(&t, &["-m0", "a", "f"], "", 1, "", "");
    g(&t, &["-m", "-1", "a", "g"], "", 0, "alpha\n", "");
    g(&t, &["-m1", "-c", "a", "f", "g"], "", 0, "f:1\ng:1\n", "");
    g(&t, &["-oc", "a", "f"], "", 0, "7\n", "");
    g(&t, &["-TZ", "-n", "a", "g"], "", 0, " 3:\talpha\n", "");
    g(&t, &["-TZ", "-c", "a", "g", "f"], "", 0, "g\x001\nf\x007\n", "");
    g(&t, &["-c", "x", "-", "-"], "x\n", 0, "(standard input):1\n(standard input):0\n", "");
    g(&t, &["-H", "-c", "x"], "x\n", 0, "(standard input):1\n", "");
    g(&t, &["x", "/dev/null", "g"], "", 0, "g:x\n", "");
    g(&t, &["-L", "x", "/dev/null"], "", 1, "/dev/null\n", "");
    g(&t, &["-n", "-v", "-m2", "a", "f"], "", 0, "6:BETA\n7:\n", "");
    g(&t, &["-b", "-v", "a", "f"], "", 0, "37:BETA\n42:\n", "");
    g(&t, &["-z", "-b", "a", "g"], "", 0, "0:x\ny\nalpha\n\0", "");
    g(&t, &["-zo", "-b", "l.h", "f"], "", 0, "1:lph\x0024:lph\0", "");
    g(&t, &["", "empty"], "", 1, "", "");
    g(&t, &["-c", "", "empty"], "", 1, "0\n", "");
    g(&t, &["-L", "", "empty"], "", 1, "empty\n", "");
    g(&t, &["-v", "", "empty"], "", 1, "", "");
}

#[test]
#[rustfmt::skip]
fn conformance_prefixes() {
    let t = conformance_files();
    g(&t, &["-nbH", "beta", "f"], "", 0, "f:2:6:beta\n", "");
    g(&t, &["-Hnb", "-o", "et", "f"], "", 0, "f:2:7:et\nf:5:29:et\n", "");
    g(&t, &["-bn", "beta", "f", "g"], "", 0, "f:2:6:beta\n", "");
    g(&t, &["--byte-offset", "beta", "f"], "", 0, "6:beta\n", "");
    g(&t, &["--line-number", "beta", "f"], "", 0, "2:beta\n", "");
    g(&t, &["--with-filename", "beta", "f"], "", 0, "f:beta\n", "");
    g(&t, &["--no-filename", "alpha", "f", "g"], "", 0, "alpha\nalphabet soup\nalpha\n", "");
    g(&t, &["-h", "-H", "x", "g"], "", 0, "g:x\n", "");
    g(&t, &["-H", "-h", "x", "g"], "", 0, "x\n", "");
    g(&t, &["alpha", "f", "g"], "", 0, "f:alpha\nf:alphabet soup\ng:alpha\n", "");
    g(&t, &["alpha", "g"], "", 0, "alpha\n", "");
    g(&t, &["-c", "alpha", "g"], "", 0, "1\n", "");
    // -T pads the numbers to the width of the file size (19 on a pipe).
    g(&t, &["-T", "a", "f", "g"], "", 0, "f:\talpha\nf:\tbeta\nf:\tgamma\nf:\tdelta\nf:\talphabet soup\nf:\tfoo bar\nf:\tfoo_bar\ng:\talpha\n", "");
    g(&t, &["-Tc", "a", "f", "g"], "", 0, "f:7\ng:1\n", "");
    g(&t, &["-HT", "x", "g"], "", 0, "g:\tx\n", "");
    g(&t, &["-bT", "a", "g"], "", 0, " 4:\talpha\n", "");
    g(&t, &["-nT", "a", "g"], "", 0, " 3:\talpha\n", "");
    g(&t, &["--initial-tab", "-H", "-n", "-b", "alpha", "f"], "", 0, "f: 1: 0:\talpha\nf: 5:23:\talphabet soup\n", "");
    g(&t, &["-T", "x", "g"], "", 0, "x\n", "");
    g(&t, &["-nT", "-A1", "x", "g"], "", 0, " 1:\tx\n 2-\ty\n", "");
    g(&t, &["--label=foo", "-H", "alpha", "-"], "alpha\n", 0, "foo:alpha\n", "");
    g(&t, &["--label=foo", "-c", "alpha", "-", "f"], "alpha\n", 0, "foo:1\nf:2\n", "");
    g(&t, &["--label=foo", "alpha"], "alpha\n", 0, "alpha\n", "");
    g(&t, &["--label", "in", "-l", "a"], "a\n", 0, "in\n", "");
    g(&t, &["-H", "a"], "a\n", 0, "(standard input):a\n", "");
    g(&t, &["-o", "-i", "ab"], "Ab aB\n", 0, "Ab\naB\n", "");
    g(&t, &["-ob", "ab"], "xx ab ab\n", 0, "3:ab\n6:ab\n", "");
    g(&t, &["-on", "ab"], "ab\ncab\n", 0, "1:ab\n2:ab\n", "");
    // -o with -v selects lines but prints no part of them.
    g(&t, &["-ov", "ab"], "ab\ncd\n", 0, "", "");
    g(&t, &["-ovc", "ab"], "ab\ncd\n", 0, "1\n", "");
    g(&t, &["-o", "-b", "-u", "c"], "ab\ncd\n", 0, "3:c\n", "grep: warning: --unix-byte-offsets (-u) is obsolete\n");
}

#[test]
#[rustfmt::skip]
fn conformance_context() {
    let t = conformance_files();
    // Adjacent groups join; separate ones get `--`; `:` selected, `-` context.
    g(&t, &["-A1", "-e", "2", "-e", "3"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "2\n3\n4\n", "");
    g(&t, &["-A1", "-e", "2", "-e", "5"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "2\n3\n--\n5\n6\n", "");
    g(&t, &["-A1", "-e", "2", "-e", "4"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "2\n3\n4\n5\n", "");
    g(&t, &["-nC1", "-e", "2", "-e", "6"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "1-1\n2:2\n3-3\n--\n5-5\n6:6\n7-7\n", "");
    g(&t, &["-nB2", "-e", "5", "-e", "9"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "3-3\n4-4\n5:5\n--\n7-7\n8-8\n9:9\n", "");
    g(&t, &["-nB1", "-A1", "3"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "2-2\n3:3\n4-4\n", "");
    // After the -m-th match the trailing context is printed, matching lines too, as context.
    g(&t, &["-m1", "-A2", "[1-9]"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "1\n2\n3\n", "");
    g(&t, &["-m2", "-A1", "-e", "1", "-e", "2", "-e", "3"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "1\n2\n3\n", "");
    g(&t, &["-m1", "-B1", "-A1", "5"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "4\n5\n6\n", "");
    g(&t, &["-c", "-A1", "5"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "1\n", "");
    g(&t, &["-l", "-C1", "5"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "(standard input)\n", "");
    g(&t, &["-v", "-A1", "[2-8]"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "1\n2\n--\n9\n", "");
    g(&t, &["-vn", "-C1", "[3-7]"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "1:1\n2:2\n3-3\n--\n7-7\n8:8\n9:9\n", "");
    g(&t, &["--after-context=1", "2"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "2\n3\n", "");
    g(&t, &["--before-context=1", "2"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "1\n2\n", "");
    g(&t, &["--context=1", "5"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "4\n5\n6\n", "");
    g(&t, &["--context", "1", "5"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "4\n5\n6\n", "");
    g(&t, &["-2", "5"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "3\n4\n5\n6\n7\n", "");
    g(&t, &["-12", "5"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "");
    g(&t, &["-C0", "-e", "2", "-e", "3", "-e", "5"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "2\n3\n--\n5\n", "");
    g(&t, &["-B0", "-e", "2", "-e", "5"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "2\n--\n5\n", "");
    g(&t, &["-A", "1", "-A", "0", "-e", "2", "-e", "5"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "2\n--\n5\n", "");
    g(&t, &["-C1", "-A0", "5"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "4\n5\n", "");
    g(&t, &["-A1", "9"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "9\n", "");
    g(&t, &["-B9", "1"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "1\n", "");
    g(&t, &["-A1", "-b", "-n", "2"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "2:2:2\n3-4-3\n", "");
    g(&t, &["-HA1", "2", "-", "g"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "(standard input):2\n(standard input)-3\n", "");
    g(&t, &["-A", "-1", "a", "f"], "", 2, "", "grep: -1: invalid context length argument\n");
    g(&t, &["-C", "", "a", "f"], "", 2, "", "grep: : invalid context length argument\n");
    g(&t, &["-z", "-A1", "b"], "a\0b\0c\0d\0", 0, "b\0c\0", "");
    // -A and -B win over -C and -NUM in any order; of two -NUM/-C the last counts.
    g(&t, &["-A", "1", "-B", "1", "-C", "0", "b"], "a\nb\n", 0, "a\nb\n", "");
    g(&t, &["-C", "1", "-A", "0", "b"], "a\nb\nc\n", 0, "a\nb\n", "");
    g(&t, &["-A", "0", "-2", "b"], "a\nb\nc\n", 0, "a\nb\n", "");
    g(&t, &["-1", "-C", "2", "c"], "a\nb\nc\nd\ne\n", 0, "a\nb\nc\nd\ne\n", "");
    g(&t, &["-C", "2", "-1", "c"], "a\nb\nc\nd\ne\n", 0, "b\nc\nd\n", "");
    g(&t, &["-B0", "-1", "c"], "a\nb\nc\nd\ne\n", 0, "c\nd\n", "");
    g(&t, &["-vm1", "-A1", "a"], "a\nb\na\n", 0, "b\na\n", "");
    g(&t, &["-vm1", "-A2", "a"], "a\nb\na\nb\n", 0, "b\na\nb\n", "");
    g(&t, &["-A1", "-m1", "-c", "1"], "1\n2\n3\n", 0, "1\n", "");
}

#[test]
#[rustfmt::skip]
fn conformance_exit_statuses() {
    let t = conformance_files();
    g(&t, &["zzz", "f"], "", 1, "", "");
    g(&t, &["alpha", "nonexist"], "", 2, "", "grep: nonexist: No such file or directory\n");
    g(&t, &["-s", "alpha", "nonexist", "f"], "", 2, "f:alpha\nf:alphabet soup\n", "");
    g(&t, &["-s", "alpha", "dd", "f"], "", 2, "f:alpha\nf:alphabet soup\n", "");
    g(&t, &["--no-messages", "a", "nonexist"], "", 2, "", "");
    g(&t, &["alpha", "dd"], "", 2, "", "grep: dd: Is a directory\n");
    g(&t, &["alpha", "dd", "f"], "", 2, "f:alpha\nf:alphabet soup\n", "grep: dd: Is a directory\n");
    // -q: 0 at the first match, even with a missing file before or after it; an error otherwise makes 2, even with a match.
    g(&t, &["-q", "alpha", "f", "nonexist"], "", 0, "", "");
    g(&t, &["-q", "alpha", "nonexist", "f"], "", 0, "", "grep: nonexist: No such file or directory\n");
    g(&t, &["-q", "zzz", "nonexist", "f"], "", 2, "", "grep: nonexist: No such file or directory\n");
    g(&t, &["--quiet", "a", "f"], "", 0, "", "");
    g(&t, &["--silent", "zzz", "f"], "", 1, "", "");
    g(&t, &["-c", "a", "nonexist", "f"], "", 2, "f:7\n", "grep: nonexist: No such file or directory\n");
    g(&t, &["-l", "a", "nonexist", "g"], "", 2, "g\n", "grep: nonexist: No such file or directory\n");
    g(&t, &["-L", "a", "nonexist", "g"], "", 2, "", "grep: nonexist: No such file or directory\n");
    g(&t, &["-sq", "zzz", "nonexist"], "", 2, "", "");
    g(&t, &["-d", "skip", "alpha", "dd", "f"], "", 0, "f:alpha\nf:alphabet soup\n", "");
    g(&t, &["--directories=skip", "alpha", "dd"], "", 1, "", "");
    g(&t, &["-d", "read", "alpha", "dd"], "", 2, "", "grep: dd: Is a directory\n");
    g(&t, &["-D", "skip", "alpha", "f"], "", 0, "alpha\nalphabet soup\n", "");
    g(&t, &["--devices=read", "x", "g"], "", 0, "x\n", "");
    g(&t, &["-D", "foo", "x", "g"], "", 2, "", "grep: unknown devices method\n");
    g(&t, &["-m", "99999999999999999999", "a", "g"], "", 0, "alpha\n", "");
    g(&t, &["-A", "99999999999999999999", "x", "g"], "", 0, "x\ny\nalpha\n", "");
    g(&t, &["--", "-1", "a"], "a\n", 2, "", "grep: a: No such file or directory\n");
    g(&t, &["-e", "-1"], "-1\n", 0, "-1\n", "");
    // Invalid patterns: the messages and status 2 of GNU.
    g(&t, &["\\(", "f"], "", 2, "", "grep: Unmatched ( or \\(\n");
    g(&t, &["-E", "a{1", "f"], "", 1, "", "");
    g(&t, &["[a", "f"], "", 2, "", "grep: Unmatched [, [^, [:, [., or [=\n");
    g(&t, &["-E", "a{1,2", "f"], "", 1, "", "");
    g(&t, &["a\\{1", "f"], "", 2, "", "grep: Unmatched \\{\n");
    g(&t, &["-E", "(", "f"], "", 2, "", "grep: Unmatched ( or \\(\n");
    g(&t, &["-E", "a{2,1}", "f"], "", 2, "", "grep: Invalid content of \\{\\}\n");
    g(&t, &["a\\{2,1\\}", "f"], "", 2, "", "grep: Invalid content of \\{\\}\n");
    g(&t, &["\\)", "f"], "", 2, "", "grep: Unmatched ) or \\)\n");
    g(&t, &["-E", "a{99999}", "f"], "", 2, "", "grep: Regular expression too big\n");
    g(&t, &["--context=x", "a", "f"], "", 2, "", "grep: x: invalid context length argument\n");
    g(&t, &["--binary-files=x", "a", "f"], "", 2, "", "grep: unknown binary-files type\n");
}

#[test]
#[rustfmt::skip]
fn conformance_binary_files() {
    let t = conformance_files();
    // GNU 3.8: `grep: NAME: binary file matches` on stderr, status 0.
    g(&t, &["a", "b"], "", 0, "", "grep: b: binary file matches\n");
    g(&t, &["-c", "a", "b"], "", 0, "2\n", "");
    g(&t, &["-o", "a", "b"], "", 0, "", "grep: b: binary file matches\n");
    g(&t, &["-l", "a", "b"], "", 0, "b\n", "");
    g(&t, &["-q", "a", "b"], "", 0, "", "");
    g(&t, &["-L", "a", "b"], "", 0, "", "");
    g(&t, &["-n", "b", "b"], "", 0, "", "grep: b: binary file matches\n");
    g(&t, &["zzz", "b"], "", 1, "", "");
    g(&t, &["-v", "zzz", "b"], "", 0, "", "grep: b: binary file matches\n");
    // -I: a binary file is one without matches (-c prints 0, -L lists it).
    g(&t, &["-I", "a", "b"], "", 1, "", "");
    g(&t, &["-I", "-c", "a", "b"], "", 1, "0\n", "");
    g(&t, &["-I", "-l", "a", "b", "g"], "", 0, "g\n", "");
    g(&t, &["-I", "-L", "a", "b", "g"], "", 0, "b\n", "");
    g(&t, &["--binary-files=without-match", "a", "b", "g"], "", 0, "g:alpha\n", "");
    g(&t, &["--binary-files=binary", "ab", "b"], "", 0, "", "grep: b: binary file matches\n");
    g(&t, &["--binary-files=text", "-c", "a", "b"], "", 0, "2\n", "");
    g(&t, &["-H", "a", "b", "g"], "", 0, "g:alpha\n", "grep: b: binary file matches\n");
    g(&t, &["-s", "a", "b"], "", 0, "", "grep: b: binary file matches\n");
    g(&t, &["-z", "a", "b"], "", 0, "a\0b\nab\n\0", "");
    g(&t, &["-zc", "b", "b"], "", 0, "1\n", "");
    g(&t, &["-a", "-I", "a", "b"], "", 1, "", "");
    g(&t, &["-I", "-a", "a", "b"], "", 0, "a\0b\nab\n", "");
    g(&t, &["-c", "a"], "a\na\0\n", 0, "2\n", "");
    g(&t, &["-U", "ab", "b"], "", 0, "", "grep: b: binary file matches\n");
    g(&t, &["--binary", "ab", "b"], "", 0, "", "grep: b: binary file matches\n");
    // The NUL comes after the first read: the text lines before it are printed, then the message.
    g(&t, &["-n", "a", "big2"], "", 0, "1:first a\n", "grep: big2: binary file matches\n");
    g(&t, &["-c", "a", "big2"], "", 0, "3\n", "");
    g(&t, &["-A1", "first", "big2"], "", 0, "first a\nzzzzzzzzzzzzzzzzzzz\n", "");
    g(&t, &["-o", "tail", "big2"], "", 0, "", "grep: big2: binary file matches\n");
    g(&t, &["-l", "tail", "big2"], "", 0, "big2\n", "");
}

#[test]
#[rustfmt::skip]
fn conformance_lines_and_input() {
    let t = conformance_files();
    // A missing final newline is supplied; CRLF lines keep their CR.
    g(&t, &["b"], "a\nb", 0, "b\n", "");
    g(&t, &["-c", "b"], "a\nb", 0, "1\n", "");
    g(&t, &["-v", "a"], "a\nb", 0, "b\n", "");
    g(&t, &["-o", "b"], "a\nb", 0, "b\n", "");
    g(&t, &["-c", "x"], "", 1, "0\n", "");
    g(&t, &["-v", "x"], "", 1, "", "");
    g(&t, &["-c", "^$"], "\n\n\n", 0, "3\n", "");
    g(&t, &["-n", "^$"], "a\n\nb\n\n", 0, "2:\n4:\n", "");
    g(&t, &["-c", ""], "", 1, "0\n", "");
    g(&t, &["-c", "$"], "a", 0, "1\n", "");
    g(&t, &["-c", "c$"], "abc\r\nabd\r\n", 1, "0\n", "");
    g(&t, &["-b", "b"], "a\r\nb\r\n", 0, "3:b\r\n", "");
    g(&t, &["-c", "^b$"], "a\r\nb\r\n", 1, "0\n", "");
    g(&t, &["-x", "b"], "a\r\nb\r\n", 1, "", "");
    g(&t, &["-zvc", "a"], "a\0b\0", 0, "1\n", "");
    g(&t, &["-zv", "a"], "a\0b\0", 0, "b\0", "");
    g(&t, &["-ob", "-e", "b", "-e", "c"], "abc\n", 0, "1:b\n2:c\n", "");
    g(&t, &["-bn", "-o", "a", "b"], "", 0, "", "grep: b: binary file matches\n");
    g(&t, &["abd"], "abc\r\nabd\r\n", 0, "abd\r\n", "");
    g(&t, &["-o", "b."], "abc\r\n", 0, "bc\n", "");
    g(&t, &["-c", "needle", "long"], "", 0, "2\n", "");
    g(&t, &["-o", "needle", "long"], "", 0, "needle\nneedle\n", "");
    g(&t, &["-bo", "needle", "long"], "", 0, "100000:needle\n100113:needle\n", "");
    g(&t, &["-n", "short", "long"], "", 0, "2:short needle\n", "");
    g(&t, &["-ob", "y*$", "long"], "", 0, "100006:yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\n", "");
    g(&t, &["-z", "b"], "a\0b\0cb", 0, "b\0cb\0", "");
    g(&t, &["-zo", "b."], "a\0bc\0bd", 0, "bc\0bd\0", "");
    g(&t, &["--null-data", "-n", "b"], "a\0b\0", 0, "2:b\0", "");
    g(&t, &["-zZl", "b"], "a\0b\0", 0, "(standard input)\0", "");
    g(&t, &["-zx", "b"], "a\0b", 0, "b\0", "");
}

#[test]
#[rustfmt::skip]
fn conformance_regex_semantics() {
    let t = conformance_files();
    // -o: leftmost-longest, empty matches skipped, `^` only at the line start.
    g(&t, &["-o", "^a"], "aaa\n", 0, "a\n", "");
    g(&t, &["-oE", "ab|abcd"], "abcd\n", 0, "abcd\n", "");
    g(&t, &["-o", "x*"], "xaxx\n", 0, "x\nxx\n", "");
    g(&t, &["-c", "x*"], "a\n", 0, "1\n", "");
    g(&t, &["-xE", "a{,2}"], "a\naa\naaa\n\n", 0, "a\naa\n\n", "");
    g(&t, &["a\\{1,\\}"], "b\na\naa\n", 0, "a\naa\n", "");
    g(&t, &["-E", "-o", "a{2}"], "aaaaa\n", 0, "aa\naa\n", "");
    g(&t, &["-o", "a\\{2,3\\}"], "aaaaaaa\n", 0, "aaa\naaa\n", "");
    g(&t, &["\\<bar"], "foo bar\nfoobar\n", 0, "foo bar\n", "");
    g(&t, &["bar\\>"], "foo bar\nbarfoo\n", 0, "foo bar\n", "");
    g(&t, &["\\bbar"], "foo bar\nfoobar\n", 0, "foo bar\n", "");
    g(&t, &["-o", "\\w\\+"], "foo bar_1!\n", 0, "foo\nbar_1\n", "");
    g(&t, &["-c", "\\s"], "foo bar\nfoobar\n", 0, "1\n", "");
    g(&t, &["-o", "\\S*"], "ab  cd\n", 0, "ab\ncd\n", "");
    g(&t, &["-o", "\\W"], "a-b\n", 0, "-\n", "");
    g(&t, &["fooo\\?bar"], "foo bar\nfoobar\n", 0, "foobar\n", "");
    g(&t, &["x\\|bar"], "foo bar\nfoobar\n", 0, "foo bar\nfoobar\n", "");
    g(&t, &["-E", "fo{2}b"], "foobar\n", 0, "foobar\n", "");
    g(&t, &["fo\\{2\\}b"], "foobar\n", 0, "foobar\n", "");
    g(&t, &["-i", "[[:lower:]][[:digit:]]"], "Abab\nA1\n", 0, "A1\n", "");
    g(&t, &["-i", "[a-b]1"], "Abab\nA1\n", 0, "A1\n", "");
    g(&t, &["-o", "[[:upper:]]"], "aBcD\n", 0, "B\nD\n", "");
    g(&t, &["a+b"], "ab\na+b\n", 0, "a+b\n", "");
    g(&t, &["-E", "a+b"], "ab\na+b\n", 0, "ab\n", "");
    g(&t, &["-E", "a\\+b"], "ab\na+b\n", 0, "a+b\n", "");
    g(&t, &["\\(a\\)\\(b\\)\\2"], "ab\nabb\n", 0, "abb\n", "");
    g(&t, &["-E", "(a)(b)\\2"], "abb\na+b\n", 0, "abb\n", "");
    g(&t, &["-E", "(a|b)\\1"], "ab\naa\nbb\n", 0, "aa\nbb\n", "");
    g(&t, &["\\(.\\)\\1"], "ab\nxx\n", 0, "xx\n", "");
    g(&t, &["-o", "[^[:space:]]*"], "a b\n", 0, "a\nb\n", "");
    g(&t, &["[]a]"], "]\nb\n", 0, "]\n", "");
    g(&t, &["[^]a]"], "]\nb\n", 0, "b\n", "");
    g(&t, &["-E", "a|b|"], "x\n", 0, "x\n", "");
    g(&t, &["-E", "()"], "x\n", 0, "x\n", "");
    g(&t, &["a\\{,2\\}b"], "b\naaab\n", 0, "b\naaab\n", "");
    g(&t, &["-o", "."], "ab\n", 0, "a\nb\n", "");
    g(&t, &["-E", "a?b"], "b\nab\n", 0, "b\nab\n", "");
    g(&t, &["a?b"], "b\na?b\n", 0, "a?b\n", "");
    g(&t, &["-E", "(ab){2}"], "abab\nab\n", 0, "abab\n", "");
    g(&t, &["-oE", "(a|ab)(c|bcd)(d*)"], "abcd\n", 0, "abcd\n", "");
    g(&t, &["-oi", "a"], "aAa\n", 0, "a\nA\na\n", "");
    g(&t, &["-o", "-i", "Ab\\|cD"], "ABCD\n", 0, "AB\nCD\n", "");
    g(&t, &["-F", "-o", "aa"], "aaaaa\n", 0, "aa\naa\n", "");
    g(&t, &["-F", "-c", "\\"], "a\\b\n", 0, "1\n", "");
    g(&t, &["\\."], "a.b\naxb\n", 0, "a.b\n", "");
    g(&t, &["-E", "\\."], "a.b\naxb\n", 0, "a.b\n", "");
}

#[test]
#[rustfmt::skip]
fn conformance_colours() {
    let t = conformance_files();
    g(&t, &["--color=always", "-n", "-b", "-H", "-A1", "a"], "ab\ncd\nab\n", 0, "\x1b[35m\x1b[K(standard input)\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\x1b[32m\x1b[K1\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\x1b[32m\x1b[K0\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\x1b[01;31m\x1b[Ka\x1b[m\x1b[Kb\n\x1b[35m\x1b[K(standard input)\x1b[m\x1b[K\x1b[36m\x1b[K-\x1b[m\x1b[K\x1b[32m\x1b[K2\x1b[m\x1b[K\x1b[36m\x1b[K-\x1b[m\x1b[K\x1b[32m\x1b[K3\x1b[m\x1b[K\x1b[36m\x1b[K-\x1b[m\x1b[Kcd\n\x1b[35m\x1b[K(standard input)\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\x1b[32m\x1b[K3\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\x1b[32m\x1b[K6\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\x1b[01;31m\x1b[Ka\x1b[m\x1b[Kb\n", "");
    g(&t, &["--colour=always", "-c", "a"], "ab\ncd\n", 0, "1\n", "");
    g(&t, &["--color=always", "-l", "a", "g"], "", 0, "\x1b[35m\x1b[Kg\x1b[m\x1b[K\n", "");
    g(&t, &["--color=always", "-o", "-b", "a"], "ab\ncd\nab\n", 0, "\x1b[32m\x1b[K0\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\x1b[01;31m\x1b[Ka\x1b[m\x1b[K\n\x1b[32m\x1b[K6\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\x1b[01;31m\x1b[Ka\x1b[m\x1b[K\n", "");
    g(&t, &["--color=always", "--label=L", "-H", "-v", "a"], "ab\ncd\n", 0, "\x1b[35m\x1b[KL\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[Kcd\n", "");
    g(&t, &["--color=always", "-C1", "cd"], "ab\ncd\nab\n", 0, "ab\n\x1b[01;31m\x1b[Kcd\x1b[m\x1b[K\nab\n", "");
    g(&t, &["--color=always", "-A1", "-n", "-m1", "a"], "1ab\ncd\nab\n", 0, "\x1b[32m\x1b[K1\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K1\x1b[01;31m\x1b[Ka\x1b[m\x1b[Kb\n\x1b[32m\x1b[K2\x1b[m\x1b[K\x1b[36m\x1b[K-\x1b[m\x1b[Kcd\n", "");
    g(&t, &["--color=always", ""], "ab\n", 0, "ab\n", "");
    g(&t, &["--color=always", "x*"], "ab\n", 0, "ab\n", "");
    g(&t, &["--color=always", "-i", "A"], "ab\n", 0, "\x1b[01;31m\x1b[Ka\x1b[m\x1b[Kb\n", "");
    g(&t, &["--color=always", "-Z", "-H", "a"], "ab\n", 0, "\x1b[35m\x1b[K(standard input)\x1b[m\x1b[K\0\x1b[01;31m\x1b[Ka\x1b[m\x1b[Kb\n", "");
    g(&t, &["--color=always", "-T", "-n", "a"], "a\tb\n", 0, "\x1b[32m\x1b[K                  1\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\t\x1b[01;31m\x1b[Ka\x1b[m\x1b[K\tb\n", "");
    g(&t, &["--color=always", "-A0", "-e", "2", "-e", "5"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n", 0, "\x1b[01;31m\x1b[K2\x1b[m\x1b[K\n\x1b[36m\x1b[K--\x1b[m\x1b[K\n\x1b[01;31m\x1b[K5\x1b[m\x1b[K\n", "");
    g(&t, &["--color=always", "-w", "ab"], "xab ab\n", 0, "xab \x1b[01;31m\x1b[Kab\x1b[m\x1b[K\n", "");
    g(&t, &["--color=always", "a"], "aaa\n", 0, "\x1b[01;31m\x1b[Ka\x1b[m\x1b[K\x1b[01;31m\x1b[Ka\x1b[m\x1b[K\x1b[01;31m\x1b[Ka\x1b[m\x1b[K\n", "");
    // The last of --color and --colour counts; a bare --color is auto (no colour on a pipe).
    g(&t, &["--colour=always", "--color=never", "a", "g"], "", 0, "alpha\n", "");
    g(&t, &["--color=never", "--colour=always", "a", "g"], "", 0, "\x1b[01;31m\x1b[Ka\x1b[m\x1b[Klph\x1b[01;31m\x1b[Ka\x1b[m\x1b[K\n", "");
    g(&t, &["--color=always", "--color", "a", "g"], "", 0, "alpha\n", "");
    g(&t, &["--color=always", "-c", "-H", "a"], "ab\ncd\n", 0, "\x1b[35m\x1b[K(standard input)\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K1\n", "");
    g(&t, &["--color=always", "-L", "-H", "x"], "ab\ncd\n", 1, "\x1b[35m\x1b[K(standard input)\x1b[m\x1b[K\n", "");
    g(&t, &["--color=always", "-l", "-Z", "a"], "ab\n", 0, "\x1b[35m\x1b[K(standard input)\x1b[m\x1b[K\0", "");
    g(&t, &["--color=always", "-A1", "--group-separator=XX", "-e", "ab", "-e", "zz"], "ab\ncd\nzz\n", 0, "\x1b[01;31m\x1b[Kab\x1b[m\x1b[K\ncd\n\x1b[01;31m\x1b[Kzz\x1b[m\x1b[K\n", "");
    g(&t, &["--color=always", "-b", "-o", "-T", "b"], "ab\n", 0, "\x1b[32m\x1b[K                  1\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\t\x1b[01;31m\x1b[Kb\x1b[m\x1b[K\n", "");
    g(&t, &["--color=always", "-Tn", "alpha", "f"], "", 0, "\x1b[32m\x1b[K 1\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\t\x1b[01;31m\x1b[Kalpha\x1b[m\x1b[K\n\x1b[32m\x1b[K 5\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\t\x1b[01;31m\x1b[Kalpha\x1b[m\x1b[Kbet soup\n", "");
    g(&t, &["--color=always", "x"], "x\0y\n", 0, "", "grep: (standard input): binary file matches\n");
    g(&t, &["--color=always", "-x", "aa"], "aa\n", 0, "\x1b[01;31m\x1b[Kaa\x1b[m\x1b[K\n", "");
    g(&t, &["--color=always", "-w", "-e", "aa", "-e", "bb"], "aa bb aab\n", 0, "\x1b[01;31m\x1b[Kaa\x1b[m\x1b[K \x1b[01;31m\x1b[Kbb\x1b[m\x1b[K aab\n", "");
    g(&t, &["--color=always", "-F", "-e", "aa", "-e", "bb"], "aa bb\n", 0, "\x1b[01;31m\x1b[Kaa\x1b[m\x1b[K \x1b[01;31m\x1b[Kbb\x1b[m\x1b[K\n", "");
    g(&t, &["--color=always", "-v", "x"], "abc\n", 0, "abc\n", "");
    g(&t, &["--color=always", "-r", "alpha", "dd/sub"], "", 0, "\x1b[35m\x1b[Kdd/sub/i.txt\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\x1b[01;31m\x1b[Kalpha\x1b[m\x1b[K in\n", "");
    g(&t, &["--color=never", "a"], "ab\n", 0, "ab\n", "");
    g(&t, &["--color=auto", "a"], "ab\n", 0, "ab\n", "");
    g(&t, &["--color", "a"], "ab\n", 0, "ab\n", "");
    g(&t, &["--colour", "a"], "ab\n", 0, "ab\n", "");
    // GREP_COLORS: the line colour (sl/cx) opens before the text ahead of each match and is not closed there; a tail is wrapped only when not empty.
    ge(&t, &[("GREP_COLORS", "ms=1:mc=2:sl=3:cx=4:fn=5:ln=6:bn=7:se=8")], &["--color=always", "-n", "a"], "ab\n", 0, "\x1b[6m\x1b[K1\x1b[m\x1b[K\x1b[8m\x1b[K:\x1b[m\x1b[K\x1b[3m\x1b[K\x1b[1m\x1b[Ka\x1b[m\x1b[K\x1b[3m\x1b[Kb\x1b[m\x1b[K\n", "");
    ge(&t, &[("GREP_COLORS", "ms=1:mc=2:sl=3:cx=4:fn=5:ln=6:bn=7:se=8")], &["--color=always", "-n", "-b", "-H", "-A1", "a"], "ab\ncd\nab\n", 0, "\x1b[5m\x1b[K(standard input)\x1b[m\x1b[K\x1b[8m\x1b[K:\x1b[m\x1b[K\x1b[6m\x1b[K1\x1b[m\x1b[K\x1b[8m\x1b[K:\x1b[m\x1b[K\x1b[7m\x1b[K0\x1b[m\x1b[K\x1b[8m\x1b[K:\x1b[m\x1b[K\x1b[3m\x1b[K\x1b[1m\x1b[Ka\x1b[m\x1b[K\x1b[3m\x1b[Kb\x1b[m\x1b[K\n\x1b[5m\x1b[K(standard input)\x1b[m\x1b[K\x1b[8m\x1b[K-\x1b[m\x1b[K\x1b[6m\x1b[K2\x1b[m\x1b[K\x1b[8m\x1b[K-\x1b[m\x1b[K\x1b[7m\x1b[K3\x1b[m\x1b[K\x1b[8m\x1b[K-\x1b[m\x1b[K\x1b[4m\x1b[Kcd\x1b[m\x1b[K\n\x1b[5m\x1b[K(standard input)\x1b[m\x1b[K\x1b[8m\x1b[K:\x1b[m\x1b[K\x1b[6m\x1b[K3\x1b[m\x1b[K\x1b[8m\x1b[K:\x1b[m\x1b[K\x1b[7m\x1b[K6\x1b[m\x1b[K\x1b[8m\x1b[K:\x1b[m\x1b[K\x1b[3m\x1b[K\x1b[1m\x1b[Ka\x1b[m\x1b[K\x1b[3m\x1b[Kb\x1b[m\x1b[K\n", "");
    ge(&t, &[("GREP_COLORS", "ms=1:mc=2:sl=3:cx=4:fn=5:ln=6:bn=7:se=8")], &["--color=always", "-v", "-n", "-A1", "cd"], "ab\ncd\nab\n", 0, "\x1b[6m\x1b[K1\x1b[m\x1b[K\x1b[8m\x1b[K:\x1b[m\x1b[K\x1b[3m\x1b[Kab\x1b[m\x1b[K\n\x1b[6m\x1b[K2\x1b[m\x1b[K\x1b[8m\x1b[K-\x1b[m\x1b[K\x1b[4m\x1b[K\x1b[2m\x1b[Kcd\x1b[m\x1b[K\n\x1b[6m\x1b[K3\x1b[m\x1b[K\x1b[8m\x1b[K:\x1b[m\x1b[K\x1b[3m\x1b[Kab\x1b[m\x1b[K\n", "");
    ge(&t, &[("GREP_COLORS", "fn=5:se=8")], &["--color=always", "-H", "-c", "a"], "ab\n", 0, "\x1b[5m\x1b[K(standard input)\x1b[m\x1b[K\x1b[8m\x1b[K:\x1b[m\x1b[K1\n", "");
    ge(&t, &[("GREP_COLORS", "ms=1:sl=3:cx=4")], &["--color=always", "-e", "ab", "-A1", "-m1"], "ab\ncd\nab\n", 0, "\x1b[3m\x1b[K\x1b[1m\x1b[Kab\x1b[m\x1b[K\n\x1b[4m\x1b[Kcd\x1b[m\x1b[K\n", "");
    ge(&t, &[("GREP_COLORS", "sl=3")], &["--color=always", "ab"], "abab\nxabx\n", 0, "\x1b[3m\x1b[K\x1b[01;31m\x1b[Kab\x1b[m\x1b[K\x1b[3m\x1b[K\x1b[01;31m\x1b[Kab\x1b[m\x1b[K\n\x1b[3m\x1b[Kx\x1b[01;31m\x1b[Kab\x1b[m\x1b[K\x1b[3m\x1b[Kx\x1b[m\x1b[K\n", "");
    ge(&t, &[("GREP_COLORS", "sl=3:cx=4")], &["--color=always", "x*", "-A1"], "ab\n\nc\n", 0, "\x1b[3m\x1b[Kab\x1b[m\x1b[K\n\n\x1b[3m\x1b[Kc\x1b[m\x1b[K\n", "");
    ge(&t, &[("GREP_COLORS", "ms=1:ne")], &["--color=always", "-H", "a"], "ab\n", 0, "\x1b[35m(standard input)\x1b[m\x1b[36m:\x1b[m\x1b[1ma\x1b[mb\n", "");
    ge(&t, &[("GREP_COLORS", "rv:sl=1:cx=2")], &["--color=always", "-v", "-A1", "cd"], "ab\ncd\nab\n", 0, "\x1b[2m\x1b[Kab\x1b[m\x1b[K\n\x1b[1m\x1b[K\x1b[01;31m\x1b[Kcd\x1b[m\x1b[K\n\x1b[2m\x1b[Kab\x1b[m\x1b[K\n", "");
    ge(&t, &[("GREP_COLORS", "rv:sl=1:cx=2")], &["--color=always", "-A1", "ab"], "ab\ncd\nab\n", 0, "\x1b[1m\x1b[K\x1b[01;31m\x1b[Kab\x1b[m\x1b[K\n\x1b[2m\x1b[Kcd\x1b[m\x1b[K\n\x1b[1m\x1b[K\x1b[01;31m\x1b[Kab\x1b[m\x1b[K\n", "");
    ge(&t, &[("GREP_COLORS", "sl=1:cx=2")], &["--color=always", "-v", "-A1", "cd"], "ab\ncd\nab\n", 0, "\x1b[1m\x1b[Kab\x1b[m\x1b[K\n\x1b[2m\x1b[K\x1b[01;31m\x1b[Kcd\x1b[m\x1b[K\n\x1b[1m\x1b[Kab\x1b[m\x1b[K\n", "");
    ge(&t, &[("GREP_COLORS", "mt=4")], &["--color=always", "-v", "-A1", "ab"], "ab\ncd\nab\n", 0, "cd\n\x1b[4m\x1b[Kab\x1b[m\x1b[K\n", "");
    ge(&t, &[("GREP_COLORS", "ms=:fn=")], &["--color=always", "-H", "a"], "ab\n", 0, "(standard input)\x1b[36m\x1b[K:\x1b[m\x1b[Kab\n", "");
    ge(&t, &[("GREP_COLORS", "mt=7:ms=1")], &["--color=always", "-H", "a"], "ab\n", 0, "\x1b[35m\x1b[K(standard input)\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\x1b[1m\x1b[Ka\x1b[m\x1b[Kb\n", "");
    ge(&t, &[("GREP_COLORS", "ms=1:mt=7")], &["--color=always", "-H", "a"], "ab\n", 0, "\x1b[35m\x1b[K(standard input)\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\x1b[7m\x1b[Ka\x1b[m\x1b[Kb\n", "");
    ge(&t, &[("GREP_COLORS", "zz=1:ln=2")], &["--color=always", "-H", "a"], "ab\n", 0, "\x1b[35m\x1b[K(standard input)\x1b[m\x1b[K\x1b[36m\x1b[K:\x1b[m\x1b[K\x1b[01;31m\x1b[Ka\x1b[m\x1b[Kb\n", "");
    ge(&t, &[("GREP_COLORS", "sl=1")], &["--color=always", "-o", "b"], "ab\n", 0, "\x1b[01;31m\x1b[Kb\x1b[m\x1b[K\n", "");
}

#[test]
#[rustfmt::skip]
fn conformance_recursion() {
    let t = conformance_files();
    // -r skips symlinks met in a tree but follows one named as an operand; -R follows both. A single file operand gets no name.
    gs(&t, &["-r", "alpha", "dd"], "", 0, "dd/h.c:alpha c\ndd/sub/i.txt:alpha in\n", "");
    gs(&t, &["-R", "alpha", "dd"], "", 0, "dd/h.c:alpha c\ndd/sub/i.txt:alpha in\ndd/sub/lnk:alpha\n", "");
    gs(&t, &["-r", "alpha", "ld"], "", 0, "ld/h.c:alpha c\nld/sub/i.txt:alpha in\n", "");
    gs(&t, &["-r", "x", "dd/sub/lnk"], "", 0, "x\n", "");
    gs(&t, &["-r", "x", "dd/sub"], "", 1, "", "");
    gs(&t, &["-R", "x", "dd/sub"], "", 0, "dd/sub/lnk:x\n", "");
    gs(&t, &["-r", "--include=*.c", "alpha", "dd"], "", 0, "dd/h.c:alpha c\n", "");
    gs(&t, &["-r", "--include=*.txt", "alpha", "dd"], "", 0, "dd/sub/i.txt:alpha in\n", "");
    gs(&t, &["--include=*.c", "alpha", "f", "g"], "", 1, "", "");
    gs(&t, &["--exclude=f", "alpha", "f", "g"], "", 0, "g:alpha\n", "");
    gs(&t, &["--exclude=?", "alpha", "f", "g", "dd/sub/i.txt"], "", 0, "dd/sub/i.txt:alpha in\n", "");
    gs(&t, &["-r", "--exclude-dir=sub", "alpha", "dd"], "", 0, "dd/h.c:alpha c\n", "");
    gs(&t, &["-r", "--exclude-dir=dd", "alpha", "dd"], "", 1, "", "");
    gs(&t, &["-r", "--exclude-dir=s*", "x", "dd"], "", 1, "", "");
    gs(&t, &["-r", "--exclude-from=ex", "alpha", "dd"], "", 0, "dd/h.c:alpha c\n", "");
    gs(&t, &["-rh", "alpha", "dd"], "", 0, "alpha c\nalpha in\n", "");
    gs(&t, &["-rH", "x", "g"], "", 0, "g:x\n", "");
    gs(&t, &["-rc", "x", "g", "dd/sub"], "", 0, "dd/sub/i.txt:0\ng:1\n", "");
    gs(&t, &["-d", "recurse", "alpha", "dd"], "", 0, "dd/h.c:alpha c\ndd/sub/i.txt:alpha in\n", "");
    gs(&t, &["--recursive", "-l", "alpha", "dd"], "", 0, "dd/h.c\ndd/sub/i.txt\n", "");
    gs(&t, &["--dereference-recursive", "-l", "x", "dd"], "", 0, "dd/sub/lnk\n", "");
    gs(&t, &["-rL", "x", "dd"], "", 1, "dd/h.c\ndd/sub/i.txt\n", "");
    gs(&t, &["-r", "--exclude=*", "a", "g"], "", 1, "", "");
    gs(&t, &["-r", "--exclude-dir=*", "alpha", "dd"], "", 1, "", "");
    gs(&t, &["--exclude-dir=*", "-r", "alpha", "."], "", 1, "", "");
    gs(&t, &["-r", "--exclude-dir=sub", "alpha", "dd/sub"], "", 1, "", "");
    gs(&t, &["--exclude=*", "a", "-"], "a\n", 0, "a\n", "");
    gs(&t, &["--include=x", "a", "-", "g"], "a\n", 0, "(standard input):a\n", "");
    gs(&t, &["-ro", "alpha", "dd/sub"], "", 0, "dd/sub/i.txt:alpha\n", "");
    gs(&t, &["-lr", "alpha", "ld"], "", 0, "ld/h.c\nld/sub/i.txt\n", "");
    gs(&t, &["-rc", ".", "dd", "--exclude-dir=sub"], "", 0, "dd/h.c:1\n", "");
    gs(&t, &["-ri", "ALPHA", "dd/sub"], "", 0, "dd/sub/i.txt:alpha in\n", "");
    gs(&t, &["-r", "--include=*.c", "--include=*.txt", "alpha", "dd"], "", 0, "dd/h.c:alpha c\ndd/sub/i.txt:alpha in\n", "");
    gs(&t, &["-r", "--exclude=*", "alpha", "dd"], "", 1, "", "");
}

#[cfg(feature = "fast-regex")]
#[test]
#[rustfmt::skip]
fn conformance_perl() {
    let t = conformance_files();
    g(&t, &["-P", "-o", "a+?"], "aa\n", 0, "a\na\n", "");
    g(&t, &["-P", "-c", "^(?:a|b)b$"], "ab\n", 0, "1\n", "");
    g(&t, &["-P", "-o", "\\d"], "a1\n", 0, "1\n", "");
    g(&t, &["-P", "-w", "a"], "ab\n", 1, "", "");
    g(&t, &["-Pi", "ab"], "Ab\n", 0, "Ab\n", "");
    g(&t, &["-P", "-x", "a"], "ab\n", 1, "", "");
    g(&t, &["-P", ""], "ab\n", 0, "ab\n", "");
    g(&t, &["-Pz", "^b"], "a\0b\0", 0, "b\0", "");
}

/// -P's errors in PCRE2's words, as GNU grep -P gives them, status 2.
#[cfg(feature = "fast-regex")]
#[test]
fn perl_errors_as_gnu() {
    for (p, msg) in [
        ("(", "missing closing parenthesis"),
        (")", "unmatched closing parenthesis"),
        ("[a", "missing terminating ] for character class"),
        ("a{2,1}", "numbers out of order in {} quantifier"),
        ("[z-a]", "range out of order in character class"),
        ("*a", "quantifier does not follow a repeatable item"),
        ("\\", "\\ at end of pattern"),
        (
            "(?<n",
            "syntax error in subpattern name (missing terminator?)",
        ),
        ("(?z)", "unrecognized character after (? or (?-"),
    ] {
        cmd("grep")
            .args(["-P", p])
            .stdin("a\n")
            .run()
            .status(2)
            .out("")
            .err(format!("grep: {msg}\n"));
    }
    // An escaped backslash at the end is a pattern.
    case("grep", &["-P", "a\\\\"], "a\\\n", "a\\\n");
}

#[test]
#[rustfmt::skip]
fn conformance_names_help_version() {
    let t = conformance_files();
    // egrep is grep -E, fgrep grep -F.
    gn(&t, "egrep", &["-c", "x|y", "g"], "", 0, "2\n", "");
    gn(&t, "egrep", &["x|y", "g"], "", 0, "x\ny\n", "");
    gn(&t, "fgrep", &["-c", "x|y", "g"], "", 1, "0\n", "");
    gn(&t, "fgrep", &["a.b"], "a.b\naxb\n", 0, "a.b\n", "");
    gn(&t, "fgrep", &["-w", "x|y"], "x|y z\n", 0, "x|y z\n", "");
    gn(&t, "egrep", &["-i", "X"], "x\n", 0, "x\n", "");
}

/// An ERE repetition operator with nothing to repeat (at the start, after
/// `(`, `|` or `^`) repeats the empty string, with GNU 3.8's warning on
/// stderr, once per operator; a BRE's is literal, without one.
#[test]
fn warns_of_an_operator_at_the_start() {
    let w = |ops: &[&str]| -> String {
        ops.iter()
            .map(|op| format!("grep: warning: {op} at start of expression\n"))
            .collect()
    };
    let run = |args: &[&str]| cmd("grep").args(args).stdin("ab\na+b\n").run();
    run(&["-E", "-o", "+b"])
        .status(0)
        .out("b\nb\n")
        .err(w(&["+"]));
    run(&["-E", "*a|*b"])
        .status(0)
        .out("ab\na+b\n")
        .err(w(&["*", "*"]));
    run(&["-E", "-c", "x(?a)"])
        .status(1)
        .out("0\n")
        .err(w(&["?"]));
    run(&["-E", "-e", "^*a", "-e", "a|{2}"])
        .status(0)
        .err(w(&["*", "{...}"]));
    run(&["-qE", "*a"]).status(0).out("").err(w(&["*"]));
    // No warning: after `$`, a literal `{`, a BRE, -F.
    run(&["-E", "b$*"]).ok().err("");
    run(&["-E", "-c", "{1"]).status(1).out("0\n").err("");
    run(&["-o", "\\(*a\\)"]).status(1).err("");
    run(&["-o", "\\+b"]).ok().out("+b\n").err("");
    run(&["-F", "*a"]).status(1).err("");
}

/// Usage errors in each tool's GNU form: grep gives the usage line and a
/// "Try" line; diffutils and patch name themselves on the "Try" line.
#[test]
fn usage_errors_in_gnu_form() {
    let grep_tail = "Usage: grep [OPTION]... PATTERNS [FILE]...\n\
                     Try 'grep --help' for more information.\n";
    cmd("grep").run().status(2).out("").err(grep_tail);
    cmd("grep")
        .args(["--bogus", "a"])
        .run()
        .status(2)
        .err(format!("grep: unrecognized option '--bogus'\n{grep_tail}"));
    cmd("grep").args(["-A"]).run().status(2).err(format!(
        "grep: option requires an argument -- 'A'\n{grep_tail}"
    ));
    for tool in ["diff", "cmp", "patch"] {
        let tail = format!("{tool}: Try '{tool} --help' for more information.\n");
        cmd(tool)
            .args(["--bogus"])
            .run()
            .status(2)
            .err(format!("{tool}: unrecognized option '--bogus'\n{tail}"));
    }
    cmd("diff").args(["-U"]).run().status(2).err(
        "diff: option requires an argument -- 'U'\ndiff: Try 'diff --help' for more information.\n",
    );
}

#[test]
fn conformance_no_operand_many_files_and_choices() {
    let t = conformance_files();
    // -r with no file operand searches `.`, names without `./`; -R
    // follows the symlinks found in the tree (ld, dd/sub/lnk).
    gs(
        &t,
        &["-r", "alpha in"],
        "",
        0,
        "dd/sub/i.txt:alpha in\n",
        "",
    );
    gs(
        &t,
        &["-R", "alpha$"],
        "",
        0,
        "dd/sub/lnk:alpha\nf:alpha\ng:alpha\nld/sub/lnk:alpha\n",
        "",
    );
    // NULs and `\B` on both engines.
    g(&t, &["-a", "-n", "b", "b"], "", 0, "1:a\0b\n2:ab\n", "");
    g(&t, &["--text", "-o", "b", "b"], "", 0, "b\nb\n", "");
    g(&t, &["-o", "\\Bo\\B"], "foo bar\n", 0, "o\n", "");
    g(&t, &["-o", "\\bb"], "foo bar\n", 0, "b\n", "");
    g(
        &t,
        &["-o", "-e", "\\<.", "-e", "x\\(y\\)\\1"],
        "ab cd\n",
        0,
        "a\nc\n",
        "",
    );
    g(
        &t,
        &["a"],
        "x\0a\n",
        0,
        "",
        "grep: (standard input): binary file matches\n",
    );
    // Many files: names in operand order.
    let m = TempDir::new();
    let names: Vec<String> = (0..60).map(|i| format!("m{i}")).collect();
    for (i, n) in names.iter().enumerate() {
        m.write(n, format!("line {i}\n"));
    }
    let mut args = vec!["-l", "line [0-9]*[05]$"];
    args.extend(names.iter().map(String::as_str));
    let want: String = (0..60)
        .filter(|i| i % 5 == 0)
        .map(|i| format!("m{i}\n"))
        .collect();
    cmd("grep").args(&args).cwd(m.path()).run().ok().out(&want);
    assert_eq!(want.lines().count(), 12);
    cmd("grep")
        .args(["-c", "line 5", "m1", "m5", "m55"])
        .cwd(m.path())
        .run()
        .ok()
        .out("m1:0\nm5:1\nm55:1\n");
    // -V and --version: the version, status 0, whatever else is given
    // (GNU prints its own "grep (GNU grep) 3.8"; ours names oxbox).
    let v = cmd("grep").arg("--version").run();
    v.ok();
    assert!(v.stdout_str().starts_with("grep (oxbox) "));
    cmd("grep")
        .args(["-V", "zzz", "nonexist"])
        .run()
        .ok()
        .out(&v.stdout);
    // --help: to stdout, status 0, the same first line as GNU's.
    let h = cmd("grep").arg("--help").run();
    h.ok();
    assert!(h
        .stdout_str()
        .starts_with("Usage: grep [OPTION]... PATTERNS [FILE]...\n"));
    // A missing option argument: GNU's first two lines (GNU adds "Try
    // 'grep --help' for more information."; the shared parser does not).
    for o in ["-e", "-f", "-m", "-A"] {
        let o2 = o.trim_start_matches('-');
        cmd("grep").arg(o).run().status(2).out("").err_has(&format!(
            "grep: option requires an argument -- '{o2}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\n"
        ));
    }
    // egrep: Debian's GNU 3.8 egrep is `grep -E` and prints no warning
    // (upstream 3.8 warns "egrep: warning: egrep is obsolescent"); BusyBox
    // prints none either and scripts read stderr, so neither do we.
    cmd("egrep")
        .args(["a|b"])
        .stdin("b\n")
        .run()
        .ok()
        .out("b\n");
    cmd("fgrep")
        .args(["a|b"])
        .stdin("a|b\n")
        .run()
        .ok()
        .out("a|b\n");
    // Choices kept where GNU 3.8 differs: `-c -m0` prints the counts
    // (POSIX; GNU prints nothing, see exit_statuses_and_errors); a leading
    // `*` gets no warning (no_warning_for_a_leading_repetition);
    // `--color=WRONG` is an error with status 2 (GNU 3.8 prints its whole
    // --help and exits 0).
}

/// -z: `^` and `$` anchor at the NUL record ends and `.` matches a
/// newline inside a record (GNU 3.8), with both engines.
#[test]
fn null_data_anchors_and_dot() {
    cmd("grep")
        .args(["-z", "^b$"])
        .stdin(&b"a\0b\nx\0b\0"[..])
        .run()
        .ok()
        .out(&b"b\0"[..]);
    cmd("grep")
        .args(["-zc", "b$"])
        .stdin(&b"a\0b\0"[..])
        .run()
        .ok()
        .out("1\n");
    cmd("grep")
        .args(["-z", "a.b"])
        .stdin(&b"a\nb\0"[..])
        .run()
        .ok()
        .out(&b"a\nb\0"[..]);
    // `^` does not anchor after a newline inside a record.
    cmd("grep")
        .args(["-z", "^b"])
        .stdin(&b"a\nb\0"[..])
        .run()
        .status(1)
        .out("");
    cmd("grep")
        .args(["-zo", "^[a-z]"])
        .stdin(&b"a\nb\0c\0"[..])
        .run()
        .ok()
        .out(&b"a\0c\0"[..]);
}

/// -i with back-references: GNU compares the repeated group without case.
#[test]
fn ignore_case_back_references() {
    case(
        "grep",
        &["-i", "\\(ab\\)\\1"],
        "Abab\nABab\nabAB\nabac\n",
        "Abab\nABab\nabAB\n",
    );
    case("grep", &["-iE", "(ab)\\1"], "Abab\nabac\n", "Abab\n");
}

/// Input, arguments, status, standard output and error.
type NulCase = (
    &'static [u8],
    &'static [&'static str],
    i32,
    &'static str,
    &'static str,
);

/// In a binary file (without -a) GNU 3.8 takes each NUL as a line end:
/// `a\0b` is two lines, `a` and `b`, for matching and counting; nothing
/// is printed but the message. Each case runs on standard input and on
/// the file `in`, whose name stands for `(standard input)`.
#[test]
#[rustfmt::skip]
fn nul_ends_lines_in_binary_files() {
    let t = TempDir::new();
    let cases: &[NulCase] = &[
        (b"a\0b\nab\n", &["-c", "^b"], 0, "1\n", ""),
        (b"a\0b\nab\n", &["-vc", "zzz"], 0, "3\n", ""),
        (b"a\0b\nab\n", &["-c", "a.b"], 1, "0\n", ""),
        (b"a\0b\nab\n", &["-v", "a"], 0, "", "grep: (standard input): binary file matches\n"),
        (b"a\0b\nab\n", &["-c", "b"], 0, "2\n", ""),
        (b"a\0b\nab\n", &["-vc", "b"], 0, "1\n", ""),
        (b"a\0b\nab\n", &["-n", "b"], 0, "", "grep: (standard input): binary file matches\n"),
        (b"a\0b\nab\n", &["-b", "b"], 0, "", "grep: (standard input): binary file matches\n"),
        (b"a\0b\nab\n", &["-m1", "b"], 0, "", "grep: (standard input): binary file matches\n"),
        (b"a\0b\nab\n", &["-m1", "-c", "b"], 0, "1\n", ""),
        (b"a\0b\nab\n", &["-q", "b"], 0, "", ""),
        (b"a\0b\nab\n", &["-q", "a.b"], 1, "", ""),
        (b"a\0b\nab\n", &["-l", "b"], 0, "(standard input)\n", ""),
        (b"a\0b\nab\n", &["-l", "a.b"], 1, "", ""),
        (b"a\0b\nab\n", &["-L", "a.b"], 1, "(standard input)\n", ""),
        (b"a\0b\nab\n", &["-L", "b"], 0, "", ""),
        (b"a\0b\nab\n", &["-o", "b"], 0, "", "grep: (standard input): binary file matches\n"),
        (b"a\0b\nab\n", &["-c", "-o", "b"], 0, "2\n", ""),
        (b"a\0b\nab\n", &["-x", "b"], 0, "", "grep: (standard input): binary file matches\n"),
        (b"a\0b\nab\n", &["-xc", "b"], 0, "1\n", ""),
        (b"a\0b\nab\n", &["-xc", "a"], 0, "1\n", ""),
        (b"a\0b\nab\n", &["-wc", "b"], 0, "1\n", ""),
        (b"a\0b\nab\n", &["-c", "a$"], 0, "1\n", ""),
        (b"a\0b\nab\n", &["-c", "^b$"], 0, "1\n", ""),
        (b"a\0b\nab\n", &["-c", "^$"], 1, "0\n", ""),
        (b"a\0b\nab\n", &["-cE", "a.?b"], 0, "1\n", ""),
        (b"a\0b\nab\n", &["-cF", "a\nq"], 0, "2\n", ""),
        (b"a\0\0b\n", &["-c", "^$"], 0, "1\n", ""),
        (b"a\0\0b\n", &["-vc", "x"], 0, "3\n", ""),
        (b"x\0", &["-vc", "q"], 0, "1\n", ""),
        (b"\0", &["-c", "^$"], 0, "1\n", ""),
        (b"a\0b\nab\n", &["-a", "a.b"], 0, "a\0b\n", ""),
        (b"a\0b\nab\n", &["-ac", "a.b"], 0, "1\n", ""),
        (b"a\0b\nab\n", &["-a", "-o", "a.b"], 0, "a\0b\n", ""),
        (b"a\0b\nab\n", &["-a", "-x", "a.b"], 0, "a\0b\n", ""),
        (b"a\0b\nab\n", &["-a", "-c", "^b"], 1, "0\n", ""),
        (b"a\0b\nab\n", &["--binary-files=text", "-c", "a.b"], 0, "1\n", ""),
        (b"a\0b\nab\n", &["-z", "-c", "a.b"], 1, "0\n", ""),
        (b"a\0b\nab\n", &["-z", "a.b"], 1, "", ""),
        (b"a\0b\nab\n", &["-z", "-c", "^b"], 0, "1\n", ""),
        (b"a\0b\nab\n", &["-c", "\\(a\\).\\1"], 1, "0\n", ""),
        (b"a\0a\n", &["-a", "-c", "\\(a\\).\\1"], 0, "1\n", ""),
        (b"a\0a\n", &["-c", "\\(a\\).\\1"], 1, "0\n", ""),
        (b"a\0a\n", &["-c", "\\(a\\)\\1"], 1, "0\n", ""),
    ];
    for &(input, args, status, out, err) in cases {
        cmd("grep").args(args).stdin(input).run().status(status).out(out).err(err);
        t.write("in", input);
        let name = |s: &str| s.replace("(standard input)", "in");
        let mut with_file = args.to_vec();
        with_file.push("in");
        grep(&t, &with_file).status(status).out(name(out)).err(name(err));
    }
}

/// GNU reads 96 KiB at a time and tells a binary file by the first read
/// that holds a NUL: the lines of the reads before it are text. From that
/// read on NULs end lines, in line numbers and in trailing context too
/// (printed past -m, or when that read selects no line).
#[test]
#[rustfmt::skip]
fn nul_after_the_first_read() {
    let t = TempDir::new();
    let head = format!("{}\n", "z".repeat(99)).repeat(982);
    let dots = ".".repeat(101);
    t.write("late", format!("{head}{dots}m\nx\0y\nz\0\0w\nm\nq\n"));
    t.write("late2", format!("{head}{dots}m\nx\0y\nz\0\0w\nq\n"));
    // The NUL is past 32 KiB but in the first read.
    t.write("mid", format!("m\n{}x\0y\nm\n", &head[..40000]));
    let cases: &[(&str, &[&str], i32, &str, &str)] = &[
        ("late", &["-n", "m"], 0, "983:DOTSm\n", "grep: late: binary file matches\n"),
        ("late", &["-c", "m"], 0, "2\n", ""),
        ("late", &["-A2", "m"], 0, "DOTSm\n", "grep: late: binary file matches\n"),
        ("late", &["-m1", "-A5", "-nb", "m"], 0, "983:98200:DOTSm\n984-98303-x\n985-98305-y\n986-98307-z\n987-98309-\n988-98310-w\n", ""),
        ("late", &["-vc", "m"], 0, "988\n", ""),
        ("late", &["-c", "^y"], 0, "1\n", ""),
        ("late", &["-o", "m"], 0, "m\n", "grep: late: binary file matches\n"),
        ("late2", &["-A3", "-n", "m"], 0, "983:DOTSm\n984-x\n985-y\n986-z\n", ""),
        ("late2", &["-A1", "m"], 0, "DOTSm\nx\n", ""),
        ("late2", &["-c", "m"], 0, "1\n", ""),
        ("mid", &["-n", "m"], 0, "", "grep: mid: binary file matches\n"),
        ("mid", &["-c", "m"], 0, "2\n", ""),
        ("mid", &["-m1", "m"], 0, "", "grep: mid: binary file matches\n"),
        ("mid", &["-c", "^y$"], 0, "1\n", ""),
        ("mid", &["-A1", "-m1", "m"], 0, "", "grep: mid: binary file matches\n"),
    ];
    for &(file, args, status, out, err) in cases {
        let mut argv = args.to_vec();
        argv.push(file);
        grep(&t, &argv).status(status).out(out.replace("DOTS", &dots)).err(err);
    }
}

/// Patterns that are only plain strings (an alternation, several -e, -F
/// with a list) are found by a multi-string search alone: the match is
/// still the leftmost-longest, and lines, counts and offsets are as GNU's.
#[test]
#[rustfmt::skip]
fn alternations_of_plain_strings() {
    let t = TempDir::new();
    let text = "xabcdx abc\nnothing\nbcd at start\nlast abc";
    g(&t, &["-oE", "ab|abcd"], text, 0, "abcd\nab\nab\n", "");
    g(&t, &["-oE", "b|abc"], text, 0, "abc\nabc\nb\nabc\n", "");
    g(&t, &["-oE", "cd|abcd|bc"], text, 0, "abcd\nbc\nbc\nbc\n", "");
    g(&t, &["-o", "-e", "bcd", "-e", "xa", "-e", "bcd"], text, 0, "xa\nbcd\nbcd\n", "");
    g(&t, &["-ob", "-e", "bcd", "-e", "abc"], text, 0, "1:abc\n7:abc\n19:bcd\n37:abc\n", "");
    g(&t, &["-cE", "nothing|start"], text, 0, "2\n", "");
    g(&t, &["-vnE", "nothing|start"], text, 0, "1:xabcdx abc\n4:last abc\n", "");
    g(&t, &["-nG", "nothing\\|last"], text, 0, "2:nothing\n4:last abc\n", "");
    g(&t, &["-cE", "zz|yy"], text, 1, "0\n", "");
    g(&t, &["-lE", "zz|last"], text, 0, "(standard input)\n", "");
    g(&t, &["-F", "-e", "at s", "-e", "thing"], text, 0, "nothing\nbcd at start\n", "");
    g(&t, &["--color=always", "-E", "ab|xabcdx|x"], "xabcdx ab\n", 0,
      "\x1b[01;31m\x1b[Kxabcdx\x1b[m\x1b[K \x1b[01;31m\x1b[Kab\x1b[m\x1b[K\n", "");
    // A newline splits a pattern in two, with -z too.
    g(&t, &["-cE", "c\nn|zz"], text, 0, "4\n", "");
    g(&t, &["-zoE", "c\nn|zz"], text, 0, "c\0c\0n\0n\0c\0c\0", "");
    // Case folding and -w/-x take the general path: the same answers.
    g(&t, &["-ciE", "NOTHING|START"], text, 0, "2\n", "");
    g(&t, &["-wE", "ab|abc"], text, 0, "xabcdx abc\nlast abc\n", "");
    g(&t, &["-xE", "nothing|abc"], text, 0, "nothing\n", "");
}

/// -w with patterns that can match empty, as GNU: at each start the
/// longest match is tried, then shorter ones down to one byte, never to
/// nothing; an empty match counts only where it is the longest at its
/// start (`grep -wc ' *'` on ` x` is 0: the empty match before `x` is
/// not taken in place of the space).
#[test]
fn words_and_empty_matches() {
    let t = TempDir::new();
    let cases: &[(&str, &str, &str, &str)] = &[
        (r" *", " x", "0\n", ""),
        (r" *", "x", "0\n", ""),
        (r" *", "", "1\n", ""),
        (r" *", "ab ab", "0\n", ""),
        (r" *", "b ab", "0\n", ""),
        (r" *", " ", "1\n", " \n"),
        (r" *", "a b", "0\n", ""),
        (r"x*", " x", "1\n", "x\n"),
        (r"x*", "x", "1\n", "x\n"),
        (r"x*", "", "1\n", ""),
        (r"x*", "ab ab", "0\n", ""),
        (r"x*", "b ab", "0\n", ""),
        (r"x*", " ", "1\n", ""),
        (r"x*", "a b", "0\n", ""),
        (r"a*", " x", "1\n", ""),
        (r"a*", "x", "0\n", ""),
        (r"a*", "", "1\n", ""),
        (r"a*", "ab ab", "0\n", ""),
        (r"a*", "b ab", "0\n", ""),
        (r"a*", " ", "1\n", ""),
        (r"a*", "a b", "1\n", "a\n"),
        (r"\(ab\)*", " x", "1\n", ""),
        (r"\(ab\)*", "x", "0\n", ""),
        (r"\(ab\)*", "", "1\n", ""),
        (r"\(ab\)*", "ab ab", "1\n", "ab\nab\n"),
        (r"\(ab\)*", "b ab", "1\n", "ab\n"),
        (r"\(ab\)*", " ", "1\n", ""),
        (r"\(ab\)*", "a b", "0\n", ""),
        (r"b*$", " x", "0\n", ""),
        (r"b*$", "x", "0\n", ""),
        (r"b*$", "", "1\n", ""),
        (r"b*$", "ab ab", "0\n", ""),
        (r"b*$", "b ab", "0\n", ""),
        (r"b*$", " ", "1\n", ""),
        (r"b*$", "a b", "1\n", "b\n"),
        (r"^ *", " x", "0\n", ""),
        (r"^ *", "x", "0\n", ""),
        (r"^ *", "", "1\n", ""),
        (r"^ *", "ab ab", "0\n", ""),
        (r"^ *", "b ab", "0\n", ""),
        (r"^ *", " ", "1\n", " \n"),
        (r"^ *", "a b", "0\n", ""),
    ];
    for &(pat, line, count, only) in cases {
        let input = format!("{line}\n");
        g(
            &t,
            &["-wc", pat],
            &input,
            if count == "0\n" { 1 } else { 0 },
            count,
            "",
        );
        g(
            &t,
            &["-wo", pat],
            &input,
            if only.is_empty() && count == "0\n" {
                1
            } else {
                0
            },
            only,
            "",
        );
    }
}

/// -w: a match whose ends are not word bounds is cut shorter, down to one
/// byte, before the search moves on (GNU's rule), with both engines.
#[test]
fn words_cut_shorter() {
    let t = TempDir::new();
    g(&t, &["-ow", "a[ b]*"], "a bx\n", 0, "a\n", "");
    g(&t, &["-ow", "a[ b]*"], "ab abc_ ab\n", 0, "ab\nab\n", "");
    g(
        &t,
        &["-ow", "ab[a-z_ ]*"],
        "ab abc_ ab\n",
        0,
        "ab abc_ ab\n",
        "",
    );
    g(
        &t,
        &["-ow", "foo[-a-z_]*"],
        "foo-bar_x foo\n",
        0,
        "foo-bar_x\nfoo\n",
        "",
    );
    g(&t, &["-cw", "x[a-z]*y*"], "xay_\nxa y\n", 0, "1\n", "");
    g(
        &t,
        &["-onw", "[0-9][0-9.]*"],
        "v1.2.3x 4.5\n",
        0,
        "1:2\n1:4.5\n",
        "",
    );
}

/// In a UTF-8 locale the C library counts the decimal digits past ASCII
/// (Arabic-Indic, Devanagari, fullwidth...) as letters, not digits; other
/// numbers (², ½) are punctuation. Checked against GNU grep 3.8 and sed
/// 4.9 in C.UTF-8.
#[test]
fn digits_past_ascii_are_letters() {
    let input = "x\u{661}y z\nab\u{966} q\nn\u{b2} \u{bd}\n";
    let run = |app: &str, args: &[&str]| {
        cmd(app)
            .args(args)
            .env("LC_ALL", "C.UTF-8")
            .stdin(input.as_bytes())
            .run()
    };
    run("grep", &["-o", "\\w*"])
        .ok()
        .out("x\u{661}y\nz\nab\u{966}\nq\nn\n");
    run("grep", &["-o", "[[:alpha:]]*"])
        .ok()
        .out("x\u{661}y\nz\nab\u{966}\nq\nn\n");
    run("grep", &["-o", "[[:alnum:]]\\{3\\}"])
        .ok()
        .out("x\u{661}y\nab\u{966}\n");
    run("grep", &["-o", "[[:digit:]]"]).status(1).out("");
    run("grep", &["-c", "[[:punct:]]"]).status(0).out("1\n");
    run("grep", &["-o", "[[:punct:]]"])
        .ok()
        .out("\u{b2}\n\u{bd}\n");
    // -w and the word assertions see them as word characters.
    run("grep", &["-w", "x"]).status(1).out("");
    run("grep", &["-wc", "ab"]).status(1).out("0\n");
    run("grep", &["-ow", "ab\u{966}"]).ok().out("ab\u{966}\n");
    run("sed", &["s/[^[:alnum:]]/_/g"])
        .ok()
        .out("x\u{661}y_z\nab\u{966}_q\nn___\n");
    run("sed", &["s/\\W/_/g"])
        .ok()
        .out("x\u{661}y_z\nab\u{966}_q\nn___\n");
}

#[test]
fn word_assertions_take_the_locales_letters() {
    // In a UTF-8 locale `\b`, `\B`, `\<` and `\>` see the letters past
    // ASCII as word characters, as GNU grep and sed do: `\<ve` is no word
    // start in naïve, and `é\>` ends a word. ASCII lines (the fast
    // engine's) and the others (the automaton's) agree.
    let input = "naïve view\ncafé au lait\nhéllo\nx é y\nplain ve\n";
    let run = |app: &str, args: &[&str], stdin: &[u8]| {
        cmd(app)
            .args(args)
            .env("LC_ALL", "C.UTF-8")
            .stdin(stdin)
            .run()
    };
    let grep = |args: &[&str]| run("grep", args, input.as_bytes());
    grep(&["-o", "\\<ve\\w*"]).ok().out("ve\n");
    grep(&["-n", "\\<ve"]).ok().out("5:plain ve\n");
    grep(&["-n", "é\\>"]).ok().out("2:café au lait\n4:x é y\n");
    grep(&["-c", "\\w\\<"]).status(1).out("0\n");
    grep(&["-o", "\\b\\w"])
        .ok()
        .out("n\nv\nc\na\nl\nh\nx\né\ny\np\nv\n");
    grep(&["-o", "\\B\\w"])
        .ok()
        .out("a\nï\nv\ne\ni\ne\nw\na\nf\né\nu\na\ni\nt\né\nl\nl\no\nl\na\ni\nn\ne\n");
    grep(&["-ob", "l\\B"]).ok().out("21:l\n29:l\n30:l\n41:l\n");
    grep(&["-x", "\\w*é\\>.*"]).ok().out("café au lait\n");
    grep(&["-e", "\\<ve", "-e", "lait\\>"])
        .ok()
        .out("café au lait\nplain ve\n");
    grep(&["-w", "é\\>"]).ok().out("x é y\n");
    grep(&["-vc", "l\\>"]).ok().out("5\n");
    grep(&["-ow", "\\w*\\>"])
        .ok()
        .out("naïve\nview\ncafé\nau\nlait\nhéllo\nx\né\ny\nplain\nve\n");
    run("grep", &["-ob", "\\<."], "éa b\n".as_bytes())
        .ok()
        .out("0:é\n4:b\n");
    run("grep", &["-c", "^\\<"], "é\n".as_bytes())
        .ok()
        .out("1\n");
    // A byte that is no UTF-8 is the character of its value to the
    // assertions (\xff is ÿ, a letter; \x82 is a control), to -w none.
    let c = |p: &str, stdin: &[u8]| run("grep", &["-c", p], stdin);
    c("\\<ab", b"\xffab\n").status(1).out("0\n");
    c("\\Bab", b"\xffab\n").ok().out("1\n");
    c("ab\\>", b"ab\xff\n").status(1).out("0\n");
    c("ab\\b", b"\xffab\n").ok().out("1\n");
    c("\\<ab", b"\xe2\x82ab\n").ok().out("1\n");
    run("grep", &["-cw", "ab"], b"\xffab\n").ok().out("1\n");
    // -w takes no empty match inside a character (where neither side is
    // a word character).
    let three = "héllo\nab é\n-\n".as_bytes();
    run("grep", &["-wn", ".\\?"], three)
        .ok()
        .out("2:ab é\n3:-\n");
    run("grep", &["-wn", "x*"], three).ok().out("3:-\n");

    // sed: the assertions, submatches as POSIX's (each group its longest
    // from the left), `M` and -z records.
    let text = "héllo wörld éé\n";
    let sed = |script: &str| run("sed", &[script], text.as_bytes());
    sed("s/\\b/|/g").ok().out("|héllo| |wörld| |éé|\n");
    sed("s/\\B/-/g").ok().out("h-é-l-l-o w-ö-r-l-d é-é\n");
    sed("s/\\</</g;s/\\>/>/g")
        .ok()
        .out("<héllo> <wörld> <éé>\n");
    sed("s/\\b/-/2").ok().out("héllo- wörld éé\n");
    sed("s/\\(\\w*\\)\\>\\(.*\\)/[\\1][\\2]/")
        .ok()
        .out("[héllo][ wörld éé]\n");
    sed("s/\\(é*\\)\\(\\w\\)\\>/[\\1|\\2]/g")
        .ok()
        .out("héll[|o] wörl[|d] [é|é]\n");
    let two = "éa véb\nélo lé\n".as_bytes();
    run("sed", &["s/\\<\\(\\w\\)\\(\\w*\\)\\>/\\2\\1/g"], two)
        .ok()
        .out("aé ébv\nloé él\n");
    run("sed", &["s/\\(é\\+\\)\\B/[\\1]/g"], two)
        .ok()
        .out("[é]a v[é]b\n[é]lo lé\n");
    run("sed", &["N;s/\\<é.*$/X/M"], two)
        .ok()
        .out("X\nélo lé\n");
    run(
        "sed",
        &["N;s/^\\(.\\)\\>/<\\1>/Mg"],
        "é b\nx é\n".as_bytes(),
    )
    .ok()
    .out("<é> b\n<x> é\n");
    run("sed", &["-z", "s/\\<é\\>/X/g"], b"\xc3\xa9a\0\xc3\xa9 b\0")
        .ok()
        .out(b"\xc3\xa9a\0X b\0");
    run("sed", &["-E", "s/(\\w+)\\b ?/<\\1>/g"], text.as_bytes())
        .ok()
        .out("<héllo><wörld><éé>\n");
    // Non-ASCII only before, between or after the matches of s///g.
    for (line, want) in [
        ("éa b c\n", "|éa| |b| |c|\n"),
        ("a b éc d\n", "|a| |b| |éC| |d|\n"),
        ("x ü y ü z\n", "|x| |ü| |y| |ü| |z|\n"),
    ] {
        run("sed", &["s/\\b/|/g;s/\\Bc/C/g"], line.as_bytes())
            .ok()
            .out(want);
    }
    // awk's dynamic and literal regexes.
    run(
        "awk",
        &[r#"{n=gsub(/\<v/,"V"); print n, $0; print match("éa ve", /\<v/), RSTART, RLENGTH}"#],
        "naïve vé ve\n".as_bytes(),
    )
    .ok()
    .out("2 naïve Vé Ve\n4 4 1\n");
}
