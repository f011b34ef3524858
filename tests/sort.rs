//! sort: every option, key syntax, checks, merges, temporary files and the
//! errors, as GNU sort 9.1 in the C locale.

use crate::common::*;
use std::fs;

fn sort(args: &[&str], input: &str, expected: &str) {
    case("sort", args, input, expected);
}

/// A fatal error: nothing on stdout, the message, status 2.
#[track_caller]
fn fails(args: &[&str], msg: &str) {
    cmd("sort")
        .args(args)
        .stdin("x\n")
        .run()
        .status(2)
        .out("")
        .err(format!("sort: {msg}\n"));
}

#[test]
fn default_order_is_bytes() {
    sort(
        &[],
        "b\na\nB\n_\n\u{e9}\n10\n9\n",
        "10\n9\nB\n_\na\nb\n\u{e9}\n",
    );
    sort(&[], "", "");
    // The last line gets its newline.
    sort(&[], "b\na", "a\nb\n");
    sort(&[], "\n\nb\n", "\n\nb\n");
    // Prefixes sort first; bytes are unsigned.
    sort(&[], "ab\na\nabc\n\x7f\n", "a\nab\nabc\n\x7f\n");
    cmd("sort")
        .stdin(b"\xff\n\x01\na\0b\na\n")
        .run()
        .ok()
        .out(b"\x01\na\na\0b\n\xff\n");
}

#[test]
fn reverse_and_last_resort() {
    sort(&["-r"], "a\nc\nb\n", "c\nb\na\n");
    sort(&["--reverse"], "a\nc\nb\n", "c\nb\na\n");
    // Equal keys: the whole line decides, reversed by a global -r.
    sort(&["-k1,1"], "a 2\na 1\nb 0\n", "a 1\na 2\nb 0\n");
    sort(&["-r", "-k1,1"], "a 1\na 2\nb 0\n", "b 0\na 2\na 1\n");
    // A key's own r does not reverse the last resort.
    sort(&["-k1,1r"], "a 2\na 1\nb 0\n", "b 0\na 1\na 2\n");
}

#[test]
fn stable() {
    sort(
        &["-s", "-k1,1"],
        "a 2\na 1\nb 0\na 0\n",
        "a 2\na 1\na 0\nb 0\n",
    );
    sort(&["--stable", "-f"], "b\nA\na\nB\n", "A\na\nb\nB\n");
    sort(&["-s", "-r", "-k1,1"], "a 2\nb 1\na 1\n", "b 1\na 2\na 1\n");
}

#[test]
fn numeric() {
    sort(
        &["-n"],
        "10\n9\n-3\n 2\n-0\n0\n.5\n-.5\n1e3\n00010\nabc\n-\n+5\n3.25\n3.2\n",
        "-3\n-.5\n+5\n-\n-0\n0\nabc\n.5\n1e3\n 2\n3.2\n3.25\n9\n00010\n10\n",
    );
    sort(&["--numeric-sort", "-r"], "1\n10\n2\n", "10\n2\n1\n");
    // Numbers beyond 64 bits and long fractions compare exactly.
    sort(
        &["-n"],
        "123456789012345678901234567891\n123456789012345678901234567890\n0.10000000000000000001\n0.1\n",
        "0.1\n0.10000000000000000001\n123456789012345678901234567890\n123456789012345678901234567891\n",
    );
    // Thousands separators are not read in the C locale.
    sort(&["-n"], "1,000\n2\n", "1,000\n2\n");
    sort(&["-n", "-u"], "1\n01\n1.0\n2\n", "1\n2\n");
}

#[test]
fn general_numeric() {
    sort(
        &["-g"],
        "nan\ninf\n-inf\n0x10\n1e2\nabc\n 5\n+3\n1.5e1\n0x1p3\n-0\n0\n",
        "abc\nnan\n-inf\n-0\n0\n+3\n 5\n0x1p3\n1.5e1\n0x10\n1e2\ninf\n",
    );
    sort(&["--general-numeric-sort", "-r"], "1e1\n2\n", "1e1\n2\n");
    sort(&["--sort=general-numeric"], "1e1\n2\n", "2\n1e1\n");
}

#[test]
fn human_numeric() {
    sort(
        &["-h"],
        "1K\n2k\n1M\n0M\n-1K\n1.5K\n999\n-5\n1G\n",
        "-1K\n-5\n0M\n999\n1K\n1.5K\n2k\n1M\n1G\n",
    );
    sort(&["--human-numeric-sort", "-r"], "1M\n2K\n", "1M\n2K\n");
    sort(&["--sort=human-numeric"], "2000K\n1M\n", "2000K\n1M\n");
}

#[test]
fn month() {
    sort(
        &["-M"],
        "feb\n JAN\nxyz\nDecember\nmar\nMA\n",
        "MA\nxyz\n JAN\nfeb\nmar\nDecember\n",
    );
    sort(&["--month-sort", "-r"], "jan\nfeb\n", "feb\njan\n");
    sort(&["--sort=month"], "jan\nfeb\n", "jan\nfeb\n");
}

#[test]
fn version() {
    sort(
        &["-V"],
        "ver-1.2.10\nver-1.2.9\nver-1.10\n1.0~rc1\n1.0\na\n",
        "1.0~rc1\n1.0\na\nver-1.2.9\nver-1.2.10\nver-1.10\n",
    );
    sort(&["--version-sort"], "x10\nx9\n", "x9\nx10\n");
    sort(&["--sort=version", "-r"], "x10\nx9\n", "x10\nx9\n");
}

#[test]
fn fold_dictionary_nonprinting() {
    sort(&["-f"], "b\nB\na\nA\n_a\n", "A\na\nB\nb\n_a\n");
    // The first of the equal lines in input order is kept.
    sort(&["--ignore-case", "-u"], "b\nB\na\nA\n", "a\nb\n");
    sort(&["-d"], "_b\na\n-c\n", "a\n_b\n-c\n");
    sort(&["--dictionary-order"], "a-c\na b\nab\n", "a b\nab\na-c\n");
    sort(&["-i"], "\x01b\na\n", "a\n\x01b\n");
    sort(&["--ignore-nonprinting"], "a\x7fc\nab\n", "ab\na\x7fc\n");
    sort(&["-df"], "_B\na\n", "a\n_B\n");
}

#[test]
fn blanks() {
    sort(&["-b"], "  b\na\n c\n", "a\n  b\n c\n");
    sort(&["--ignore-leading-blanks"], "\tb\n a\n", " a\n\tb\n");
    // Without -b, the blanks are part of the key.
    sort(&[], "  b\na\n c\n", "  b\n c\na\n");
}

#[test]
fn keys() {
    let input = "x b 2\ny a 10\nz a 9\n";
    sort(&["-k2,2"], input, "y a 10\nz a 9\nx b 2\n");
    sort(&["-k2"], input, "y a 10\nz a 9\nx b 2\n");
    sort(&["-k3n"], input, "x b 2\nz a 9\ny a 10\n");
    sort(&["-k2,2", "-k3,3n"], input, "z a 9\ny a 10\nx b 2\n");
    sort(
        &["--key=2,2", "--key", "3,3nr"],
        input,
        "y a 10\nz a 9\nx b 2\n",
    );
    sort(&["-k3,3", "-n"], input, "x b 2\nz a 9\ny a 10\n");
    sort(
        &["-k1.3,1.5"],
        "xxcab\nyyabc\nzzbca\n",
        "yyabc\nzzbca\nxxcab\n",
    );
    sort(&["-k1.2,1.2"], "ab\nba\n", "ba\nab\n");
    // Without -t the blanks before a field belong to it; b skips them.
    sort(&["-k2,2"], "a  z\nb y\n", "a  z\nb y\n");
    sort(&["-k2b,2"], "a  z\nb y\n", "b y\na  z\n");
    sort(&["-b", "-k2,2"], "a  z\nb y\n", "b y\na  z\n");
    sort(&["-k2.2b,2.2b"], "a  xz\nb  ya\n", "b  ya\na  xz\n");
    // The end counts from the field's blanks without its own b: empty key.
    sort(&["-k2.2b,2.2"], "b  ya\na  xz\n", "a  xz\nb  ya\n");
    // An end before the start, or past the line, is an empty key.
    sort(&["-k1.5,1.3"], "b\na\n", "a\nb\n");
    sort(&["-k5,5", "-s"], "b\na\n", "b\na\n");
    sort(&["-k1,1.0"], "b x\na y\n", "a y\nb x\n");
    // Field and character numbers beyond any line.
    sort(&["-k99999999999999999999999", "-s"], "b\na\n", "b\na\n");
    sort(&["-k1.99999999999999999999", "-s"], "b\na\n", "b\na\n");
}

#[test]
fn separators() {
    let input = "a:3:x\nb:10:y\nc:2:z\n";
    sort(&["-t:", "-k2,2n"], input, "c:2:z\na:3:x\nb:10:y\n");
    sort(&["-t:", "-k2,2nr"], input, "b:10:y\na:3:x\nc:2:z\n");
    sort(&["-t", ":", "-k3,3r"], input, "c:2:z\nb:10:y\na:3:x\n");
    sort(
        &["--field-separator=:", "-k2"],
        input,
        "b:10:y\nc:2:z\na:3:x\n",
    );
    sort(
        &["-t:", "-k3,3nr", "-s"],
        "a:1:5\nb:1:7\nc:1:5\n",
        "b:1:7\na:1:5\nc:1:5\n",
    );
    // Empty fields count.
    sort(&["-t:", "-k2,2"], "x::b\ny:a:\n", "x::b\ny:a:\n");
    sort(&["-t:", "-k3"], "x::b\ny:a:\n", "y:a:\nx::b\n");
    sort(&["-t:", "-k1.2,2.1"], "ab:cd\naa:ce\n", "aa:ce\nab:cd\n");
    // With -t a blank is an ordinary character.
    sort(&["-t", " ", "-k2,2"], "a  z\nb y\n", "a  z\nb y\n");
    // -t '\0' is the NUL byte.
    cmd("sort")
        .args(["-t", "\\0", "-k2,2"])
        .stdin(b"a\0z\nb\0y\n")
        .run()
        .ok()
        .out(b"b\0y\na\0z\n");
}

#[test]
fn unique() {
    sort(&["-u"], "b\na\nb\na\n", "a\nb\n");
    sort(&["--unique"], "a\na\n", "a\n");
    // The first of each run of equal keys is kept.
    sort(&["-u", "-k1,1"], "a 2\nb 1\na 1\n", "a 2\nb 1\n");
    sort(&["-u", "-t:", "-k2,2n"], "x:1\ny:01\nz:2\n", "x:1\nz:2\n");
    sort(&["-u", "-r", "-k1,1"], "a 2\nb 1\na 1\n", "b 1\na 2\n");
}

#[test]
fn random() {
    let input: String = (0..200).map(|i| format!("{} {}\n", i % 20, i)).collect();
    let o = cmd("sort").args(["-R", "-k1,1"]).stdin(&input).run();
    o.ok();
    let out = o.stdout_str();
    let keys: Vec<&str> = out
        .lines()
        .map(|l| l.split(' ').next().unwrap_or(""))
        .collect();
    assert_eq!(keys.len(), 200);
    // Equal keys are adjacent: 20 runs.
    let runs = 1 + keys.windows(2).filter(|w| w[0] != w[1]).count();
    assert_eq!(runs, 20);
    let mut sorted = out.lines().collect::<Vec<_>>();
    sorted.sort();
    let mut want = input.lines().collect::<Vec<_>>();
    want.sort();
    assert_eq!(sorted, want);
    // Not the input order nor the sorted one (of 20! orders).
    let firsts: Vec<&str> = keys.iter().step_by(10).copied().collect();
    let mut s = firsts.clone();
    s.sort_by_key(|k| k.parse::<u32>().unwrap_or(0));
    assert_ne!(firsts, s);
    // A random source makes it repeatable.
    let t = TempDir::new();
    t.write("seed", "some random bytes");
    let run = || {
        cmd("sort")
            .args(["--random-sort", "--random-source"])
            .arg(t.join("seed"))
            .stdin(&input)
            .run()
            .stdout
    };
    assert_eq!(run(), run());
    let o = cmd("sort")
        .args(["--sort=random", "-u"])
        .stdin("a\nb\na\n")
        .run();
    o.ok();
    let mut l: Vec<&str> = o.stdout_str().leak().lines().collect();
    l.sort();
    assert_eq!(l, ["a", "b"]);
    cmd("sort")
        .args(["-R", "--random-source=nosuch"])
        .run()
        .status(2)
        .err("sort: open failed: nosuch: No such file or directory\n");
}

#[test]
fn zero_terminated() {
    cmd("sort")
        .arg("-z")
        .stdin(b"b\0a\nx\0c")
        .run()
        .ok()
        .out(b"a\nx\0b\0c\0");
    cmd("sort")
        .args(["--zero-terminated", "-k2,2"])
        .stdin(b"1 b\n\x002 a\0")
        .run()
        .ok()
        .out(b"2 a\x001 b\n\0");
    // Without -z, NUL is an ordinary byte.
    cmd("sort")
        .stdin(b"b\0z\na\0y\n")
        .run()
        .ok()
        .out(b"a\0y\nb\0z\n");
}

#[test]
fn check() {
    let t = TempDir::new();
    t.write("s", "a\nb\nb\n");
    t.write("u", "a\nc\nb\nd\n");
    let run = |args: &[&str]| cmd("sort").args(args).cwd(t.path()).run();
    run(&["-c", "s"]).ok().out("");
    run(&["-c", "u"])
        .status(1)
        .out("")
        .err("sort: u:3: disorder: b\n");
    run(&["--check", "u"])
        .status(1)
        .err("sort: u:3: disorder: b\n");
    run(&["--check=diagnose-first", "u"])
        .status(1)
        .err("sort: u:3: disorder: b\n");
    run(&["-C", "u"]).status(1).out("").err("");
    run(&["--check=quiet", "u"]).status(1).err("");
    run(&["--check=silent", "s"]).ok();
    // -u: equal lines are a disorder.
    run(&["-cu", "s"]).status(1).err("sort: s:3: disorder: b\n");
    run(&["-c", "-r", "s"])
        .status(1)
        .err("sort: s:2: disorder: b\n");
    run(&["-c", "-k1,1n", "s"]).ok();
    cmd("sort")
        .arg("-c")
        .stdin("b\na")
        .run()
        .status(1)
        .err("sort: -:2: disorder: a\n");
    cmd("sort")
        .arg("-cz")
        .stdin("b\0a\0")
        .run()
        .status(1)
        .err("sort: -:2: disorder: a\0");
    cmd("sort").arg("-c").run().ok();
    run(&["-c", "s", "u"])
        .status(2)
        .err("sort: extra operand 'u' not allowed with -c\n");
    run(&["-C", "s", "u"])
        .status(2)
        .err("sort: extra operand 'u' not allowed with -C\n");
    run(&["-c", "-C", "s"])
        .status(2)
        .err("sort: options '-cC' are incompatible\n");
    run(&["-c", "-o", "x", "s"])
        .status(2)
        .err("sort: options '-co' are incompatible\n");
    assert!(!t.join("x").exists());
    let o = run(&["--check=foo", "s"]);
    o.status(1).out("");
    assert!(o
        .stderr_str()
        .starts_with("sort: invalid argument 'foo' for '--check'\nValid arguments are:\n  - 'quiet', 'silent'\n  - 'diagnose-first'\n"));
}

#[test]
fn merge() {
    let t = TempDir::new();
    t.write("a", "1\n3\n5\n");
    t.write("b", "2\n4\n6");
    t.write("c", "3\n");
    let run = |args: &[&str]| cmd("sort").args(args).cwd(t.path()).run();
    run(&["-m", "a", "b"]).ok().out("1\n2\n3\n4\n5\n6\n");
    run(&["--merge", "b", "a", "c"])
        .ok()
        .out("1\n2\n3\n3\n4\n5\n6\n");
    run(&["-m", "-u", "a", "c"]).ok().out("1\n3\n5\n");
    // Ties go to the earlier file.
    t.write("x", "k 1\n");
    t.write("y", "k 2\n");
    run(&["-m", "-s", "-k1,1", "y", "x"]).ok().out("k 2\nk 1\n");
    run(&["-m", "-k1,1", "y", "x"]).ok().out("k 1\nk 2\n");
    // More files than --batch-size: merged in groups through temp files.
    run(&["-m", "--batch-size=2", "-T", ".", "a", "b", "c", "a", "c"])
        .ok()
        .out("1\n1\n2\n3\n3\n3\n3\n4\n5\n5\n6\n");
    run(&["-m", "-o", "a", "a", "b"]).ok().out("");
    assert_eq!(
        fs::read_to_string(t.join("a")).unwrap_or_default(),
        "1\n2\n3\n4\n5\n6\n"
    );
    cmd("sort")
        .args(["-m", "-", "c"])
        .cwd(t.path())
        .stdin("1\n4\n")
        .run()
        .ok()
        .out("1\n3\n4\n");
    run(&["-m", "a", "nosuch"])
        .status(2)
        .out("")
        .err("sort: cannot read: nosuch: No such file or directory\n");
}

#[test]
fn output_file() {
    let t = TempDir::new();
    t.write("f", "c\na\nb\n");
    let run = |args: &[&str]| cmd("sort").args(args).cwd(t.path()).run();
    run(&["-o", "out", "f"]).ok().out("");
    assert_eq!(
        fs::read_to_string(t.join("out")).unwrap_or_default(),
        "a\nb\nc\n"
    );
    // Onto one of the inputs: nothing is lost.
    run(&["-o", "f", "f", "f"]).ok();
    assert_eq!(
        fs::read_to_string(t.join("f")).unwrap_or_default(),
        "a\na\nb\nb\nc\nc\n"
    );
    run(&["--output=f", "-r", "f"]).ok();
    assert_eq!(
        fs::read_to_string(t.join("f")).unwrap_or_default(),
        "c\nc\nb\nb\na\na\n"
    );
    // Onto the input with an external sort too.
    let big: String = (0..5000).rev().map(|i| format!("{i:05}\n")).collect();
    t.write("big", &big);
    run(&["-S", "8k", "-T", ".", "-o", "big", "big"]).ok();
    let want: String = (0..5000).map(|i| format!("{i:05}\n")).collect();
    assert_eq!(fs::read_to_string(t.join("big")).unwrap_or_default(), want);
    run(&["-o", "a", "-o", "a", "f"]).ok();
    run(&["-o", "a", "-o", "b", "f"])
        .status(2)
        .err("sort: multiple output files specified\n");
    run(&["-o", "/nonexistent/x", "f"])
        .status(2)
        .err("sort: open failed: /nonexistent/x: No such file or directory\n");
    // A missing input leaves the output alone.
    run(&["-o", "f", "nosuch"]).status(2);
    assert_eq!(
        fs::read_to_string(t.join("f")).unwrap_or_default(),
        "c\nc\nb\nb\na\na\n"
    );
}

/// Lines in a scrambled order, and the same sorted.
fn scrambled(n: usize) -> (String, String) {
    let mut v: Vec<String> = (0..n)
        .map(|i| format!("{:06} {}", (i * 7919) % n, "x".repeat(i % 13)))
        .collect();
    let input: String = v.iter().map(|l| format!("{l}\n")).collect();
    v.sort();
    (input, v.iter().map(|l| format!("{l}\n")).collect())
}

#[test]
fn external_merge() {
    let (input, sorted) = scrambled(20_000);
    let t = TempDir::new();
    t.write("in", &input);
    fs::create_dir(t.join("tmp")).unwrap_or_default();
    let run = |args: &[&str]| cmd("sort").args(args).cwd(t.path()).run();
    // A tiny buffer: hundreds of runs merged in levels of 3.
    let o = run(&["-S", "4K", "-T", "tmp", "--batch-size=3", "in"]);
    o.ok().out(&sorted);
    run(&["--buffer-size=10k", "--temporary-directory=tmp", "-n", "in"])
        .ok()
        .out(&sorted);
    run(&["-S", "1b", "-T", "tmp", "-u", "-k1,1", "in"])
        .ok()
        .out(&sorted);
    let rev: String = sorted.lines().rev().map(|l| format!("{l}\n")).collect();
    run(&["-S", "5k", "-T", "tmp", "-r", "in"]).ok().out(&rev);
    // Nothing is left behind.
    assert_eq!(
        fs::read_dir(t.join("tmp")).map(|d| d.count()).unwrap_or(9),
        0
    );
    // $TMPDIR is the default place.
    cmd("sort")
        .args(["-S", "4k", "in"])
        .cwd(t.path())
        .env("TMPDIR", t.join("tmp"))
        .run()
        .ok()
        .out(&sorted);
    cmd("sort")
        .args(["-S", "4k", "in"])
        .cwd(t.path())
        .env("TMPDIR", "/nonexistent")
        .run()
        .status(2)
        .err("sort: cannot create temporary file in '/nonexistent': No such file or directory\n");
    assert_eq!(
        fs::read_dir(t.join("tmp")).map(|d| d.count()).unwrap_or(9),
        0
    );
    // Temp files are only made when the input does not fit.
    run(&["-T", "/nonexistent", "in"]).ok().out(&sorted);
    run(&["-T", "/nonexistent", "-S", "4k", "in"])
        .status(2)
        .out("")
        .err("sort: cannot create temporary file in '/nonexistent': No such file or directory\n");
    // Several -T directories take turns.
    fs::create_dir(t.join("tmp2")).unwrap_or_default();
    run(&["-S", "4k", "-T", "tmp", "-T", "tmp2", "in"])
        .ok()
        .out(&sorted);
    // Stability across runs.
    let dup: String = (0..3000).map(|i| format!("k {}\n", 2999 - i)).collect();
    t.write("dup", &dup);
    run(&["-S", "2k", "-T", "tmp", "-s", "-k1,1", "dup"])
        .ok()
        .out(&dup);
    // Long lines bigger than the buffer.
    let long = format!("{}\n{}\n", "b".repeat(100_000), "a".repeat(100_000));
    t.write("long", &long);
    run(&["-S", "1k", "-T", "tmp", "long"]).ok().out(format!(
        "{}\n{}\n",
        "a".repeat(100_000),
        "b".repeat(100_000)
    ));
}

#[test]
fn parallel_and_big_input() {
    let (input, sorted) = scrambled(200_000);
    for threads in ["1", "2", "3", "8"] {
        cmd("sort")
            .arg(format!("--parallel={threads}"))
            .stdin(&input)
            .run()
            .ok()
            .out(&sorted);
    }
    // A stable parallel sort keeps the input order of equal keys.
    let dup: String = (0..100_000).map(|i| format!("{} {}\n", i % 3, i)).collect();
    let mut want: Vec<&str> = dup.lines().collect();
    want.sort_by_key(|l| l.split(' ').next().unwrap_or(""));
    let want: String = want.iter().map(|l| format!("{l}\n")).collect();
    cmd("sort")
        .args(["--parallel=4", "-s", "-k1,1"])
        .stdin(&dup)
        .run()
        .ok()
        .out(want);
    fails(&["--parallel=0"], "number in parallel must be nonzero");
    fails(&["--parallel=x"], "invalid --parallel argument 'x'");
}

#[test]
fn files0_from() {
    let t = TempDir::new();
    t.write("a", "b\n");
    t.write("sp ace", "a\n");
    t.write("list", "a\0sp ace\0");
    t.write("list2", "a\0\0a");
    let run = |args: &[&str]| cmd("sort").args(args).cwd(t.path()).run();
    run(&["--files0-from=list"]).ok().out("a\nb\n");
    cmd("sort")
        .arg("--files0-from=-")
        .cwd(t.path())
        .stdin("a")
        .run()
        .ok()
        .out("b\n");
    run(&["--files0-from=list2"])
        .status(2)
        .err("sort: list2:2: invalid zero-length file name\n");
    t.write("empty", "");
    run(&["--files0-from=empty"])
        .status(2)
        .err("sort: no input from 'empty'\n");
    run(&["--files0-from=nosuch"])
        .status(2)
        .err("sort: open failed: nosuch: No such file or directory\n");
    cmd("sort")
        .arg("--files0-from=-")
        .stdin("-\0")
        .run()
        .status(2)
        .err("sort: when reading file names from stdin, no file name of '-' allowed\n");
    let o = run(&["--files0-from=list", "a"]);
    o.status(2).out("");
    assert!(o.stderr_str().starts_with(
        "sort: extra operand 'a'\nfile operands cannot be combined with --files0-from\n"
    ));
}

#[test]
fn operands() {
    let t = TempDir::new();
    t.write("a", "3\n1");
    t.write("b", "2\n");
    cmd("sort")
        .args(["a", "-", "b"])
        .cwd(t.path())
        .stdin("0\n")
        .run()
        .ok()
        .out("0\n1\n2\n3\n");
    cmd("sort")
        .args(["a", "nosuch"])
        .cwd(t.path())
        .run()
        .status(2)
        .out("")
        .err("sort: cannot read: nosuch: No such file or directory\n");
    cmd("sort").arg(t.path()).run().status(2).err(format!(
        "sort: read failed: {}: Is a directory\n",
        t.path().display()
    ));
    // Options after operands, and `--`.
    cmd("sort")
        .args(["a", "-r"])
        .cwd(t.path())
        .run()
        .ok()
        .out("3\n1\n");
    t.write("-r", "x\n");
    cmd("sort")
        .args(["--", "-r"])
        .cwd(t.path())
        .run()
        .ok()
        .out("x\n");
}

#[test]
fn bad_keys() {
    fails(
        &["-k0"],
        "field number is zero: invalid field specification '0'",
    );
    fails(
        &["-k1.0"],
        "character offset is zero: invalid field specification '1.0'",
    );
    fails(
        &["-k1,0"],
        "field number is zero: invalid field specification '1,0'",
    );
    fails(
        &["-kx"],
        "invalid number at field start: invalid count at start of 'x'",
    );
    fails(
        &["-k1.x"],
        "invalid number after '.': invalid count at start of 'x'",
    );
    fails(
        &["-k1,x"],
        "invalid number after ',': invalid count at start of 'x'",
    );
    fails(
        &["-k1,2x"],
        "stray character in field spec: invalid field specification '1,2x'",
    );
    fails(
        &["-k1r2"],
        "stray character in field spec: invalid field specification '1r2'",
    );
    fails(
        &["-k", ""],
        "invalid number at field start: invalid count at start of ''",
    );
}

#[test]
fn conflicting_options() {
    fails(&["-n", "-g"], "options '-gn' are incompatible");
    fails(&["-k1nd"], "options '-dn' are incompatible");
    fails(&["-k1M,1n"], "options '-Mn' are incompatible");
    fails(&["-hM"], "options '-hM' are incompatible");
    fails(&["-Rn"], "options '-nR' are incompatible");
    fails(&["-d", "-g"], "options '-dg' are incompatible");
    fails(&["-i", "--sort=numeric"], "options '-in' are incompatible");
    // These go together.
    sort(&["-Rd", "-u"], "a\n", "a\n");
    sort(&["-fn"], "2\n1\n", "1\n2\n");
    sort(&["-Vd"], "2\n1\n", "1\n2\n");
    // A key with options of its own does not take the global ones.
    sort(&["-n", "-k1,1r"], "10\n9\n", "9\n10\n");
    fails(&["-t", "ab"], "multi-character tab 'ab'");
    fails(&["-t", ""], "empty tab");
    fails(&["-t:", "-t,"], "incompatible tabs");
    sort(&["-t:", "-t:", "-k2"], "a:2\nb:1\n", "b:1\na:2\n");
    let o = cmd("sort").arg("--sort=foo").run();
    o.status(1);
    assert!(o.stderr_str().starts_with(
        "sort: invalid argument 'foo' for '--sort'\nValid arguments are:\n  - 'general-numeric'\n"
    ));
}

#[test]
fn sizes_and_batches() {
    sort(&["-S", "100"], "b\na\n", "a\nb\n");
    sort(&["-S", "1M", "--batch-size=2"], "b\na\n", "a\nb\n");
    sort(&["-S", "50%"], "b\na\n", "a\nb\n");
    sort(&["-S", "0"], "b\na\n", "a\nb\n");
    sort(&["--buffer-size=2G"], "b\na\n", "a\nb\n");
    fails(&["-S", "1x"], "invalid suffix in -S argument '1x'");
    fails(&["-S", "x"], "invalid -S argument 'x'");
    fails(
        &["-S", "99999999999999999999"],
        "-S argument '99999999999999999999' too large",
    );
    fails(&["-S", "200%"], "-S argument '200%' too large");
    fails(&["--batch-size=x"], "invalid --batch-size argument 'x'");
    fails(
        &["--batch-size=1"],
        "invalid --batch-size argument '1'\nsort: minimum --batch-size argument is '2'",
    );
}

#[test]
fn unsupported_and_usage() {
    let o = cmd("sort").arg("-y").run();
    o.status(2).out("");
    assert!(o.stderr_str().starts_with("sort: invalid option -- 'y'\n"));
    let o = cmd("sort").arg("-k").run();
    o.status(2);
    assert!(o
        .stderr_str()
        .starts_with("sort: option requires an argument -- 'k'\n"));
    cmd("sort").arg("--help").run().ok();
}

#[test]
fn write_errors() {
    cmd("sort")
        .stdin("a\n")
        .stdout_full()
        .run()
        .status(2)
        .err("sort: write failed: 'standard output': No space left on device\n");
    cmd("sort")
        .args(["-o", "/dev/full"])
        .stdin("a\n")
        .run()
        .status(2)
        .err("sort: write failed: /dev/full: No space left on device\n");
}

/// A deterministic scramble of short lines over a few bytes, NUL among
/// them, and the same in byte order.
fn byte_soup(n: usize) -> (Vec<u8>, Vec<u8>) {
    let mut x: u64 = 12345;
    let mut lines: Vec<Vec<u8>> = Vec::new();
    for _ in 0..n {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = [0, 1, 7, 8, 9, 15, 16, 17, 24, (x >> 40) as usize % 40][(x >> 33) as usize % 10];
        let line: Vec<u8> = (0..len)
            .map(|i| b"a\0b"[((x >> (i % 20 * 3)) % 3) as usize])
            .collect();
        lines.push(line);
    }
    let join = |v: &[Vec<u8>]| {
        let mut out = Vec::new();
        for l in v {
            out.extend_from_slice(l);
            out.push(b'\n');
        }
        out
    };
    let input = join(&lines);
    lines.sort();
    (input, join(&lines))
}

#[test]
fn common_prefixes_and_nul_bytes() {
    // Whole-line sorts go eight bytes at a time: lines that end inside a
    // word, NULs that look like the padding, long equal prefixes.
    let (input, sorted) = byte_soup(50_000);
    cmd("sort").stdin(&input).run().ok().out(&sorted);
    cmd("sort")
        .arg("--parallel=1")
        .stdin(&input)
        .run()
        .ok()
        .out(&sorted);
    let mut rev: Vec<&[u8]> = sorted.split(|&c| c == b'\n').collect();
    rev.pop();
    rev.reverse();
    let rev: Vec<u8> = rev
        .iter()
        .flat_map(|l| l.iter().copied().chain([b'\n']))
        .collect();
    cmd("sort").arg("-r").stdin(&input).run().ok().out(&rev);
    let mut uniq: Vec<&[u8]> = sorted.split(|&c| c == b'\n').collect();
    uniq.pop();
    uniq.dedup();
    let uniq: Vec<u8> = uniq
        .iter()
        .flat_map(|l| l.iter().copied().chain([b'\n']))
        .collect();
    cmd("sort").arg("-u").stdin(&input).run().ok().out(&uniq);
    // The same through a key: prefixes of keys.
    cmd("sort")
        .args(["-k1", "-s"])
        .stdin(&input)
        .run()
        .ok()
        .out(&sorted);
    sort(
        &[],
        "ab\nab\0\nab\0\0\nab\0\0\0\0\0\0\0x\na\n",
        "a\nab\nab\0\nab\0\0\nab\0\0\0\0\0\0\0x\n",
    );
    sort(&["-k1,1"], "ab\0 1\nab 2\n", "ab 2\nab\0 1\n");
    // Long lines equal for a long way.
    let a = format!("{}a\n", "x".repeat(10_000));
    let b = format!("{}b\n", "x".repeat(10_000));
    sort(&[], &format!("{b}{a}{b}"), &format!("{a}{b}{b}"));
}

#[test]
fn pipes_and_big_input_on_stdin() {
    let (input, sorted) = scrambled(300_000);
    let t = TempDir::new();
    t.write("in", &input);
    cmd("sort")
        .cwd(t.path())
        .stdin(fs::read(t.join("in")).unwrap_or_default())
        .run()
        .ok()
        .out(&sorted);
    sh(&format!(
        "cat '{}' | sort -n | sort -c -n",
        t.join("in").display()
    ))
    .run()
    .ok()
    .out("");
}

#[test]
fn equal_keys_then_whole_lines() {
    // Many lines share a key: the runs are ordered by the whole line,
    // reversed by a global -r only.
    let lines: Vec<String> = (0..60_000)
        .map(|i| format!("w{},{}", (i * 7) % 5, (i * 7919) % 1000))
        .collect();
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let key = |l: &String| l.split(',').next().unwrap_or("").to_string();
    let mut v = lines.clone();
    v.sort_by(|a, b| key(a).cmp(&key(b)).then(a.cmp(b)));
    let want: String = v.iter().map(|l| format!("{l}\n")).collect();
    sort(&["-t,", "-k1,1"], &input, &want);
    let rev: String = v.iter().rev().map(|l| format!("{l}\n")).collect();
    sort(&["-t,", "-k1,1", "-r"], &input, &rev);
    let mut v2 = lines.clone();
    v2.sort_by(|a, b| key(b).cmp(&key(a)).then(a.cmp(b)));
    let want2: String = v2.iter().map(|l| format!("{l}\n")).collect();
    sort(&["-t,", "-k1,1r"], &input, &want2);
    // Numbers equal as numbers but not as text.
    sort(&["-n"], "1.0\n01\n1\n", "01\n1\n1.0\n");
    sort(&["-n", "-r"], "1.0\n01\n1\n2\n", "2\n1.0\n1\n01\n");
}

#[test]
fn folded_keys_at_scale() {
    // -f over many lines with long equal prefixes, both ways, and a key.
    let lines: Vec<String> = (0..40_000)
        .map(|i| {
            let w = ["Alpha", "alpha", "ALPHA", "alphabet", "Alp", "beta"][i % 6];
            format!("{w}{}x{},{}", "_".repeat(i % 11), (i * 7919) % 97, i % 3)
        })
        .collect();
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let up = |l: &str| l.to_ascii_uppercase();
    let mut v = lines.clone();
    v.sort_by(|a, b| up(a).cmp(&up(b)).then(a.cmp(b)));
    let want: String = v.iter().map(|l| format!("{l}\n")).collect();
    sort(&["-f"], &input, &want);
    let rev: String = v.iter().rev().map(|l| format!("{l}\n")).collect();
    sort(&["-f", "-r"], &input, &rev);
    let key = |l: &String| up(l.split(',').next().unwrap_or(""));
    let mut v2 = lines.clone();
    v2.sort_by(|a, b| key(b).cmp(&key(a)).then(a.cmp(b)));
    let want2: String = v2.iter().map(|l| format!("{l}\n")).collect();
    sort(&["-t,", "-k1,1fr"], &input, &want2);
}

#[test]
fn obsolete_keys() {
    let input = "a 3 x\nb 1 z\nc 2 y\n";
    // +F.C counts from 0; -F.C names the first character after the key.
    sort(&["+1", "-2"], input, "b 1 z\nc 2 y\na 3 x\n");
    sort(&["+2", "-3", "-r"], input, "b 1 z\nc 2 y\na 3 x\n");
    sort(&["+1n"], input, "b 1 z\nc 2 y\na 3 x\n");
    sort(&["+1", "-2n"], "a 10\nb 9\n", "b 9\na 10\n");
    sort(&["+0.1", "-1.0"], "ab cd\nac bd\n", "ab cd\nac bd\n");
    sort(&["+1", "-0"], "b a\na b\n", "a b\nb a\n");
    sort(
        &["+1", "-2", "+0", "-1r"],
        "x 1\ny 1\nz 0\n",
        "z 0\ny 1\nx 1\n",
    );
    sort(&["-t:", "+1n", "-2"], "a:10\nb:9\n", "b:9\na:10\n");
    // An option's value is not a key.
    let t = TempDir::new();
    cmd("sort")
        .args(["-o", "+1", "+1"])
        .cwd(t.path())
        .stdin("b a\na b\n")
        .run()
        .ok()
        .out("");
    assert_eq!(
        fs::read_to_string(t.join("+1")).unwrap_or_default(),
        "b a\na b\n"
    );
    // After `--`, or when it is no key, a + word is a file.
    cmd("sort")
        .args(["--", "+1"])
        .cwd(t.path())
        .run()
        .ok()
        .out("a b\nb a\n");
    cmd("sort")
        .arg("+1x")
        .run()
        .status(2)
        .err("sort: cannot read: +1x: No such file or directory\n");
    fails(
        &["+1", "-2x"],
        "stray character in field spec: invalid field specification '-2x'",
    );
}

#[test]
fn general_numeric_edges() {
    // Leading white space of any kind, hex floats, incomplete exponents,
    // NaNs in byte order among themselves.
    sort(
        &["-g"],
        " \t 1e5x\n\x0b2\n  0x1P-2\n(nan)\nnanb\n nanc\nnana\n1e\n1e+\n.e1\n  +.5\n",
        "(nan)\n.e1\n nanc\nnana\nnanb\n  0x1P-2\n  +.5\n1e\n1e+\n\x0b2\n \t 1e5x\n",
    );
    // Long lines: only the number at the start is read.
    let long = format!("2{}\n10{}\n", "x".repeat(500), "y".repeat(500));
    sort(
        &["-g"],
        &long,
        &format!("2{}\n10{}\n", "x".repeat(500), "y".repeat(500)),
    );
}

/// `--debug` on the same input as GNU sort 9.1 in the C locale: its
/// output (each line, tabs as `>`, then a mark per key and one for the
/// last resort) and its warnings.
#[test]
fn debug_marks_and_warnings() {
    let input = "b 2\na 10\n c  3\n\n\tx\t5\n";
    let cases: &[(&[&str], &str, &[&str])] = &[
        (&[][..], "\n^ no match for key\n>x>5\n____\n c  3\n_____\na 10\n____\nb 2\n___\n", &["text ordering performed using simple byte comparison"]),
        (&["-n"][..], "\n^ no match for key\n^ no match for key\n>x>5\n ^ no match for key\n____\n c  3\n ^ no match for key\n_____\na 10\n^ no match for key\n____\nb 2\n^ no match for key\n___\n", &["text ordering performed using simple byte comparison", "note numbers use '.' as a decimal point in this locale"]),
        (&["-k2n"][..], "\n^ no match for key\n^ no match for key\nb 2\n  _\n___\n c  3\n    _\n_____\n>x>5\n   _\n____\na 10\n  __\n____\n", &["text ordering performed using simple byte comparison", "key 1 is numeric and spans multiple fields", "note numbers use '.' as a decimal point in this locale"]),
        (&["-t", " ", "-k2,2n"][..], "\n^ no match for key\n^ no match for key\n>x>5\n    ^ no match for key\n____\n c  3\n ^ no match for key\n_____\nb 2\n  _\n___\na 10\n  __\n____\n", &["text ordering performed using simple byte comparison", "note numbers use '.' as a decimal point in this locale"]),
        (&["-s", "-k2,2"][..], "\n^ no match for key\n>x>5\n  __\n c  3\n  ___\na 10\n ___\nb 2\n __\n", &["text ordering performed using simple byte comparison", "leading blanks are significant in key 1; consider also specifying 'b'"]),
        (&["-r"][..], "b 2\n___\na 10\n____\n c  3\n_____\n>x>5\n____\n\n^ no match for key\n", &["text ordering performed using simple byte comparison"]),
        (&["-u", "-k2,2nr"][..], "a 10\n  __\n>x>5\n   _\n c  3\n    _\nb 2\n  _\n\n^ no match for key\n", &["text ordering performed using simple byte comparison", "note numbers use '.' as a decimal point in this locale"]),
        (&["-z"][..], "b 2\na 10\n c  3\n\n>x>5\n\n________________\n", &["text ordering performed using simple byte comparison"]),
        (&["+1", "-2"][..], "\n^ no match for key\n^ no match for key\n>x>5\n  __\n____\n c  3\n  ___\n_____\na 10\n ___\n____\nb 2\n __\n___\n", &["text ordering performed using simple byte comparison", "obsolescent key '+1 -2' used; consider '-k 2,2' instead", "leading blanks are significant in key 1; consider also specifying 'b'"]),
        (&["+0", "-1n", "+1b"][..], "\n^ no match for key\n^ no match for key\n^ no match for key\na 10\n^ no match for key\n  __\n____\nb 2\n^ no match for key\n  _\n___\n c  3\n ^ no match for key\n    _\n_____\n>x>5\n ^ no match for key\n   _\n____\n", &["text ordering performed using simple byte comparison", "obsolescent key '+0 -1' used; consider '-k 1,1' instead", "obsolescent key '+1' used; consider '-k 2' instead", "note numbers use '.' as a decimal point in this locale"]),
        (&["-M", "-k1,1", "-b"][..], "\n^ no match for key\n^ no match for key\n>x>5\n ^ no match for key\n____\n c  3\n ^ no match for key\n_____\na 10\n^ no match for key\n____\nb 2\n^ no match for key\n___\n", &["text ordering performed using simple byte comparison"]),
        (&["-r", "-u", "-k1"][..], "b 2\n___\na 10\n____\n c  3\n_____\n>x>5\n____\n\n^ no match for key\n", &["text ordering performed using simple byte comparison", "leading blanks are significant in key 1; consider also specifying 'b'"]),
        (&["-k1,1", "-n"][..], "\n^ no match for key\n^ no match for key\n>x>5\n ^ no match for key\n____\n c  3\n ^ no match for key\n_____\na 10\n^ no match for key\n____\nb 2\n^ no match for key\n___\n", &["text ordering performed using simple byte comparison", "note numbers use '.' as a decimal point in this locale"]),
        (&["-k2,1"][..], "\n^ no match for key\n^ no match for key\n>x>5\n  ^ no match for key\n____\n c  3\n  ^ no match for key\n_____\na 10\n ^ no match for key\n____\nb 2\n ^ no match for key\n___\n", &["text ordering performed using simple byte comparison", "key 1 has zero width and will be ignored"]),
        (&["-t.", "-k1,2n"][..], "\n^ no match for key\n^ no match for key\n>x>5\n ^ no match for key\n____\n c  3\n ^ no match for key\n_____\na 10\n^ no match for key\n____\nb 2\n^ no match for key\n___\n", &["text ordering performed using simple byte comparison", "key 1 is numeric and spans multiple fields", "field separator '.' is treated as a decimal point in numbers"]),
        (&["-t-", "-k1n"][..], "\n^ no match for key\n^ no match for key\n>x>5\n ^ no match for key\n____\n c  3\n ^ no match for key\n_____\na 10\n^ no match for key\n____\nb 2\n^ no match for key\n___\n", &["text ordering performed using simple byte comparison", "key 1 is numeric and spans multiple fields", "field separator '-' is treated as a minus sign in numbers", "note numbers use '.' as a decimal point in this locale"]),
        (&["-t+", "-k1g"][..], "\n^ no match for key\n^ no match for key\n>x>5\n ^ no match for key\n____\n c  3\n ^ no match for key\n_____\na 10\n^ no match for key\n____\nb 2\n^ no match for key\n___\n", &["text ordering performed using simple byte comparison", "key 1 is numeric and spans multiple fields", "field separator '+' is treated as a plus sign in numbers", "note numbers use '.' as a decimal point in this locale"]),
        (&["-t.", "-k1,1n"][..], "\n^ no match for key\n^ no match for key\n>x>5\n ^ no match for key\n____\n c  3\n ^ no match for key\n_____\na 10\n^ no match for key\n____\nb 2\n^ no match for key\n___\n", &["text ordering performed using simple byte comparison", "numbers use '.' as a decimal point in this locale"]),
        (&["-g"][..], "\n^ no match for key\n^ no match for key\n>x>5\n ^ no match for key\n____\n c  3\n ^ no match for key\n_____\na 10\n^ no match for key\n____\nb 2\n^ no match for key\n___\n", &["text ordering performed using simple byte comparison", "note numbers use '.' as a decimal point in this locale"]),
        (&["-h", "-k2"][..], "\n^ no match for key\n^ no match for key\nb 2\n  _\n___\n c  3\n    _\n_____\n>x>5\n   _\n____\na 10\n  __\n____\n", &["text ordering performed using simple byte comparison", "key 1 is numeric and spans multiple fields", "note numbers use '.' as a decimal point in this locale"]),
        (&["-V"][..], "\n^ no match for key\n^ no match for key\na 10\n____\n____\nb 2\n___\n___\n>x>5\n____\n____\n c  3\n_____\n_____\n", &["text ordering performed using simple byte comparison"]),
        (&["-b"][..], "\n^ no match for key\n^ no match for key\na 10\n____\n____\nb 2\n___\n___\n c  3\n ____\n_____\n>x>5\n ___\n____\n", &["text ordering performed using simple byte comparison"]),
        (&["-d", "-k1"][..], "\n^ no match for key\n^ no match for key\n>x>5\n____\n____\n c  3\n_____\n_____\na 10\n____\n____\nb 2\n___\n___\n", &["text ordering performed using simple byte comparison", "leading blanks are significant in key 1; consider also specifying 'b'"]),
        (&["-k1.2,2.3"][..], "\n^ no match for key\n^ no match for key\na 10\n ___\n____\nb 2\n __\n___\n c  3\n ____\n_____\n>x>5\n ___\n____\n", &["text ordering performed using simple byte comparison", "leading blanks are significant in key 1; consider also specifying 'b'"]),
        (&["-fbdi", "-k1,1"][..], "\n^ no match for key\n^ no match for key\na 10\n_\n____\nb 2\n_\n___\n c  3\n _\n_____\n>x>5\n _\n____\n", &["text ordering performed using simple byte comparison"]),
        (&["-r", "-s", "-k1,1"][..], "b 2\n_\na 10\n_\n c  3\n__\n>x>5\n__\n\n^ no match for key\n", &["text ordering performed using simple byte comparison", "leading blanks are significant in key 1; consider also specifying 'b'"]),
        (&["-rn", "-s", "-k1,1"][..], "b 2\n^ no match for key\na 10\n^ no match for key\n c  3\n ^ no match for key\n\n^ no match for key\n>x>5\n ^ no match for key\n", &["text ordering performed using simple byte comparison", "note numbers use '.' as a decimal point in this locale"]),
        (&["-k1.5,1.2"][..], "\n^ no match for key\n^ no match for key\n>x>5\n    ^ no match for key\n____\n c  3\n    ^ no match for key\n_____\na 10\n    ^ no match for key\n____\nb 2\n   ^ no match for key\n___\n", &["text ordering performed using simple byte comparison"]),
        (&["-k1,1", "-f", "-k2,2", "-d", "-b"][..], "\n^ no match for key\n^ no match for key\n^ no match for key\na 10\n_\n  __\n____\nb 2\n_\n  _\n___\n c  3\n _\n    _\n_____\n>x>5\n _\n   _\n____\n", &["text ordering performed using simple byte comparison"]),

    ];
    for (args, out, warnings) in cases {
        let err: String = warnings.iter().map(|w| format!("sort: {w}\n")).collect();
        cmd("sort")
            .arg("--debug")
            .args(*args)
            .stdin(input)
            .run()
            .status(0)
            .out(*out)
            .err(err);
    }
    // Ignored global options, and -r only for the last resort.
    for (args, last) in [
        (
            &["-r", "-k1,1n"][..],
            "option '-r' only applies to last-resort comparison",
        ),
        (&["-bn", "-k1,1f"][..], "options '-bn' are ignored"),
        (&["-rs", "-k1,1n"][..], "option '-r' is ignored"),
        (&["-nr", "-u", "-k1,1f"][..], "options '-nr' are ignored"),
        (&["-R", "-k1,1n"][..], "option '-R' is ignored"),
    ] {
        let o = cmd("sort").arg("--debug").args(args).stdin("x\n").run();
        o.status(0);
        let err = o.stderr_str();
        assert_eq!(
            err.lines().last(),
            Some(format!("sort: {last}").as_str()),
            "{args:?}"
        );
    }
    // Number ends as the comparison reads them; control characters take
    // no column, other bytes one.
    cmd("sort")
        .args(["--debug", "-g"])
        .stdin("1e5z\n0x1p3q\ninfinity\n nan\n")
        .run()
        .status(0)
        .out(" nan\n ___\n____\n0x1p3q\n_____\n______\n1e5z\n___\n____\ninfinity\n________\n________\n");
    cmd("sort")
        .args(["--debug", "-h"])
        .stdin("1Q\n1Y\n2R\n")
        .run()
        .status(0)
        .out("1Q\n_\n__\n2R\n_\n__\n1Y\n__\n__\n");
    cmd("sort")
        .args(["--debug", "-M"])
        .stdin("x\tjan\n feb 3\n")
        .run()
        .status(0)
        .out("x>jan\n^ no match for key\n_____\n feb 3\n ___\n______\n");
    cmd("sort")
        .arg("--debug")
        .stdin(b"a\x01b\xe9c\n".as_slice())
        .run()
        .status(0)
        .out(b"a\x01b\xe9c\n____\n".as_slice());
    // With -z the lines end with NUL but are shown with a newline.
    cmd("sort")
        .args(["--debug", "-z"])
        .stdin("b\0a\0")
        .run()
        .status(0)
        .out("a\n_\nb\n_\n");
    // A key that ends before it starts: blanks after its start are
    // still skipped (GNU ends the key with a NUL that comes too early).
    cmd("sort")
        .args(["--debug", "-n", "-k3,1"])
        .stdin("file1.2  a  -3\n")
        .run()
        .status(0)
        .out("file1.2  a  -3\n            ^ no match for key\n______________\n");
    // Merging annotates too.
    let t = TempDir::new();
    t.write("a", "1 x\n3 y\n");
    t.write("b", "2 z\n");
    cmd("sort")
        .args(["--debug", "-m", "-k1,1n", "a", "b"])
        .cwd(t.path())
        .run()
        .status(0)
        .out("1 x\n_\n___\n2 z\n_\n___\n3 y\n_\n___\n")
        .err("sort: text ordering performed using simple byte comparison\nsort: note numbers use '.' as a decimal point in this locale\n");
    // Unique lines are marked once.
    cmd("sort")
        .args(["--debug", "-u"])
        .stdin("b\na\nb\n")
        .run()
        .status(0)
        .out("a\n_\nb\n_\n");
}

/// -f folds a key before -h reads its suffix and before -V compares, as
/// GNU does: `1e` is then exa.
#[test]
fn fold_before_human_and_version() {
    sort(
        &["-f", "-h"],
        "1e3\n2M\n1g\n3k\n5\n",
        "5\n3k\n2M\n1g\n1e3\n",
    );
    sort(&["-h"], "1e3\n2M\n1g\n3k\n5\n", "1e3\n1g\n5\n3k\n2M\n");
    sort(
        &["-f", "-V"],
        "a10b\nA9B\nfile1.tar\nFILE10.tar\nfile2\n",
        "A9B\na10b\nfile1.tar\nfile2\nFILE10.tar\n",
    );
}

/// -d and -i leave characters out before -V compares, as GNU does.
#[test]
fn ignore_before_version() {
    sort(&["-V", "-d"], "-3\nFEB\n-1g\n", "-1g\n-3\nFEB\n");
    sort(&["-V"], "-3\nFEB\n-1g\n", "FEB\n-1g\n-3\n");
    sort(&["-V", "-d"], "x~1\nx1\n", "x1\nx~1\n");
    sort(&["-V"], "x~1\nx1\n", "x~1\nx1\n");
    sort(&["-V", "-i", "-k1,1"], "a.b2\nab1\n", "a.b2\nab1\n");
    sort(&["-V", "-d", "-k1,1"], "a.b2\nab1\n", "ab1\na.b2\n");
}

#[test]
fn debug_errors() {
    for (args, c) in [
        (&["-c"][..], 'c'),
        (&["-C"][..], 'C'),
        (&["--check=quiet"][..], 'C'),
        (&["-o", "x"][..], 'o'),
        (&["-c", "-o", "x"][..], 'c'),
    ] {
        let t = TempDir::new();
        cmd("sort")
            .arg("--debug")
            .args(args)
            .cwd(t.path())
            .stdin("x\n")
            .run()
            .status(2)
            .out("")
            .err(format!("sort: options '-{c} --debug' are incompatible\n"));
        assert!(!t.join("x").exists());
    }
}

/// 20000 lines in 100 KiB runs: temporary files and merges.
fn many_lines() -> (String, String) {
    let mut v: Vec<u32> = (0..20000).map(|i| (i * 7919) % 20000).collect();
    let input: String = v.iter().map(|n| format!("{n}\n")).collect();
    v.sort_by_key(|n| n.to_string());
    let sorted: String = v.iter().map(|n| format!("{n}\n")).collect();
    (input, sorted)
}

#[test]
fn compress_program() {
    let t = TempDir::new();
    // A compressor that logs its runs and reverses each byte pair, so
    // the temporary files really go through it and back.
    t.write(
        "z",
        "#!/bin/sh\nif [ \"$1\" = -d ]; then echo d >> \"$LOG\"; else echo c >> \"$LOG\"; fi\nexec tr 'a-z' 'a-z'\n",
    );
    std::fs::set_permissions(
        t.join("z"),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let (input, sorted) = many_lines();
    t.write("in", &input);
    let log = t.join("log");
    cmd("sort")
        .args(["-S", "100k", "--compress-program=./z", "-T", ".", "in"])
        .env("LOG", &log)
        .cwd(t.path())
        .run()
        .ok()
        .out(&sorted);
    let runs = std::fs::read_to_string(&log).unwrap_or_default();
    let c = runs.lines().filter(|l| *l == "c").count();
    let d = runs.lines().filter(|l| *l == "d").count();
    assert!(c > 1 && c == d, "{runs}");
    // Only temporary files: a small sort never runs the program.
    cmd("sort")
        .arg("--compress-program=./nonexistent")
        .cwd(t.path())
        .stdin("b\na\n")
        .run()
        .ok()
        .out("a\nb\n");
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(t.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("sort"))
        .collect();
    assert!(left.is_empty());
}

#[test]
fn compress_program_failures() {
    let t = TempDir::new();
    let (input, _) = many_lines();
    t.write("in", &input);
    t.write("bad_d", "#!/bin/sh\n[ \"$1\" = -d ] && exit 3\nexec cat\n");
    t.write(
        "bad_c",
        "#!/bin/sh\n[ \"$1\" = -d ] && exec cat\ncat; exit 4\n",
    );
    for f in ["bad_d", "bad_c"] {
        std::fs::set_permissions(
            t.join(f),
            std::os::unix::fs::PermissionsExt::from_mode(0o755),
        )
        .unwrap();
        // GNU names both failures the same way.
        cmd("sort")
            .args(["-S", "100k", "-T", "."])
            .arg(format!("--compress-program=./{f}"))
            .arg("in")
            .cwd(t.path())
            .run()
            .status(2)
            .out("")
            .err(format!("sort: './{f}' [-d] terminated abnormally\n"));
    }
    // GNU's child says "couldn't execute compress program: errno 2" and
    // sort dies of SIGPIPE; here it is one error, status 2.
    cmd("sort")
        .args(["-S", "100k", "--compress-program=./nonexistent", "in"])
        .cwd(t.path())
        .run()
        .status(2)
        .out("")
        .err(
            "sort: couldn't execute compress program './nonexistent': No such file or directory\n",
        );
}
