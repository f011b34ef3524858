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
    grep(&t, &["-P", "a", "f"])
        .status(2)
        .err_has("not supported");
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
fn no_warning_for_a_leading_repetition() {
    // GNU 3.8 warns ("* at start of expression"); BusyBox does not, and
    // neither do we.
    cmd("grep")
        .args(["-E", "-c", "*a"])
        .stdin("a\n")
        .run()
        .ok()
        .out("1\n");
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
