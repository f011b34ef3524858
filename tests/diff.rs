//! diff: normal, unified, context and ed formats, the ignore options,
//! directories, binary files, headers with times, errors and exit statuses.
//! The expected texts of the format tests were produced by GNU diff 3.8
//! for the same inputs and arguments.

use crate::common::*;
use std::process::Command;

/// Writes A and B, runs `diff ARGS A B`, checks stdout and status.
#[track_caller]
fn two(a: &str, b: &str, args: &[&str], expected: &str, status: i32) {
    let t = TempDir::new();
    t.write("A", a);
    t.write("B", b);
    cmd("diff")
        .args(args)
        .args(["A", "B"])
        .cwd(t.path())
        .run()
        .status(status)
        .err("")
        .out(expected);
}

/// Writes a file, creating its directories.
fn put(t: &TempDir, name: &str, bytes: impl AsRef<[u8]>) {
    let p = t.join(name);
    if let Some(dir) = p.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(p, bytes).expect("write");
}

/// Sets a file's modification time (seconds and nanoseconds, UTC).
fn set_mtime(path: &std::path::Path, stamp: &str) {
    let ok = Command::new("touch")
        .env("TZ", "UTC")
        .arg("-d")
        .arg(stamp)
        .arg(path)
        .status()
        .expect("run touch")
        .success();
    assert!(ok);
}

#[test]
fn normal_format() {
    two("1\n2\n3\n", "1\nX\n3\n", &[], "2c2\n< 2\n---\n> X\n", 1);
    two("1\n2\n3\n", "1\n3\n", &[], "2d1\n< 2\n", 1);
    two("1\n3\n", "1\n2\n3\n", &[], "1a2\n> 2\n", 1);
    two("", "a\nb\n", &[], "0a1,2\n> a\n> b\n", 1);
    two("a\nb\n", "", &[], "1,2d0\n< a\n< b\n", 1);
    two(
        "a\nb",
        "a\nb\n",
        &[],
        "2c2\n< b\n\\ No newline at end of file\n---\n> b\n",
        1,
    );
    two(
        "a\nb\n",
        "a\nc",
        &[],
        "2c2\n< b\n---\n> c\n\\ No newline at end of file\n",
        1,
    );
    two("same\n", "same\n", &[], "", 0);
    two(
        "a\nb\nc\nd\ne\nf\n",
        "b\nc\nX\ne\nf\ng\n",
        &["--normal"],
        "1d0\n< a\n4c3\n< d\n---\n> X\n6a6\n> g\n",
        1,
    );
}

#[test]
fn unified_format() {
    two(
        "1\n2\n3\n",
        "1\nX\n3\n",
        &["-u", "--label", "a", "--label", "b"],
        "--- a\n+++ b\n@@ -1,3 +1,3 @@\n 1\n-2\n+X\n 3\n",
        1,
    );
    two(
        "",
        "a\nb\n",
        &["-u", "--label", "a", "--label", "b"],
        "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n",
        1,
    );
    two(
        "a\nb\n",
        "",
        &["-u", "--label", "a", "--label", "b"],
        "--- a\n+++ b\n@@ -1,2 +0,0 @@\n-a\n-b\n",
        1,
    );
    two(
        "a\nb",
        "a\nb\n",
        &["-u", "--label", "a", "--label", "b"],
        "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
        1,
    );
    two(
        "a\nb\n",
        "a\nb",
        &["-U", "0", "--label", "a", "--label", "b"],
        "--- a\n+++ b\n@@ -2 +2 @@\n-b\n+b\n\\ No newline at end of file\n",
        1,
    );
    two("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n", "1\nX\n3\n4\n5\n6\n7\n8\n9\nY\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n", &["-u", "--label", "a", "--label", "b"], "--- a\n+++ b\n@@ -1,5 +1,5 @@\n 1\n-2\n+X\n 3\n 4\n 5\n@@ -7,7 +7,7 @@\n 7\n 8\n 9\n-10\n+Y\n 11\n 12\n 13\n", 1);
    two("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n", "1\nX\n3\n4\n5\n6\n7\n8\nY\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n", &["-u", "--label", "a", "--label", "b"], "--- a\n+++ b\n@@ -1,12 +1,12 @@\n 1\n-2\n+X\n 3\n 4\n 5\n 6\n 7\n 8\n-9\n+Y\n 10\n 11\n 12\n", 1);
    two(
        "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\nnew\n",
        &["-U", "1", "--label", "a", "--label", "b"],
        "--- a\n+++ b\n@@ -10 +10,2 @@\n 10\n+new\n",
        1,
    );
    two(
        "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
        &["-U0", "--label", "a", "--label", "b"],
        "--- a\n+++ b\n@@ -0,0 +1 @@\n+0\n",
        1,
    );
    two(
        "a\nb\nc\nd\n",
        "a\nd\n",
        &["--unified=1", "--label", "a", "--label", "b"],
        "--- a\n+++ b\n@@ -1,4 +1,2 @@\n a\n-b\n-c\n d\n",
        1,
    );
    two(
        "x\ny\n",
        "x\ny\nx\ny\n",
        &["-u", "--label", "a", "--label", "b"],
        "--- a\n+++ b\n@@ -1,2 +1,4 @@\n x\n y\n+x\n+y\n",
        1,
    );
    two(
        "{\n}\n{\nfoo\n}\n",
        "{\n}\n{\nbar\n}\n{\nfoo\n}\n",
        &["-u", "--label", "a", "--label", "b"],
        "--- a\n+++ b\n@@ -1,5 +1,8 @@\n {\n }\n {\n+bar\n+}\n+{\n foo\n }\n",
        1,
    );
}

#[test]
fn context_format() {
    two(
        "1\n2\n3\n",
        "1\nX\n3\n",
        &["-c", "--label", "a", "--label", "b"],
        "*** a\n--- b\n***************\n*** 1,3 ****\n  1\n! 2\n  3\n--- 1,3 ----\n  1\n! X\n  3\n",
        1,
    );
    two(
        "1\n2\n3\n",
        "1\n3\n",
        &["-c", "--label", "a", "--label", "b"],
        "*** a\n--- b\n***************\n*** 1,3 ****\n  1\n- 2\n  3\n--- 1,2 ----\n",
        1,
    );
    two(
        "1\n3\n",
        "1\n2\n3\n",
        &["-C", "0", "--label", "a", "--label", "b"],
        "*** a\n--- b\n***************\n*** 1 ****\n--- 2 ----\n+ 2\n",
        1,
    );
    two(
        "",
        "a\nb\n",
        &["-c", "--label", "a", "--label", "b"],
        "*** a\n--- b\n***************\n*** 0 ****\n--- 1,2 ----\n+ a\n+ b\n",
        1,
    );
    two("a\nb", "a\nb\n", &["-c", "--label", "a", "--label", "b"], "*** a\n--- b\n***************\n*** 1,2 ****\n  a\n! b\n\\ No newline at end of file\n--- 1,2 ----\n  a\n! b\n", 1);
    two("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "1\nX\n3\n4\n5\n6\n7\n8\n9\n10\n12\n", &["--context=2", "--label", "a", "--label", "b"], "*** a\n--- b\n***************\n*** 1,4 ****\n  1\n! 2\n  3\n  4\n--- 1,4 ----\n  1\n! X\n  3\n  4\n***************\n*** 9,12 ****\n  9\n  10\n- 11\n  12\n--- 9,11 ----\n", 1);
}

#[test]
fn ed_format() {
    two("1\n2\n3\n", "1\nX\n3\n", &["-e"], "2c\nX\n.\n", 1);
    two(
        "a\nb\nc\nd\ne\n",
        "a\nB\nc\ne\nf\n",
        &["-e"],
        "5a\nf\n.\n4d\n2c\nB\n.\n",
        1,
    );
    two(
        "a\n",
        "a\n.\nb\n",
        &["--ed"],
        "1a\n..\n.\ns/.//\na\nb\n.\n",
        1,
    );
    two("", "x\n", &["-e"], "0a\nx\n.\n", 1);
}

#[test]
fn ignoring() {
    two("a  b\nc\n", "a b\nc\n", &["-b"], "", 0);
    two("a b \nc\n", "a b\nc\n", &["-b"], "", 0);
    two("ab\nc\n", "a b\nc\n", &["-b"], "1c1\n< ab\n---\n> a b\n", 1);
    two("ab\nc\n", "a b\nc\n", &["-w"], "", 0);
    two("  x\ty\n", "xy\n", &["--ignore-all-space"], "", 0);
    two("Hello\nWorld\n", "hello\nWORLD\n", &["-i"], "", 0);
    two(
        "Hello\nWorld\n",
        "hello\nWORLD\nx\n",
        &["--ignore-case", "-u", "--label", "a", "--label", "b"],
        "--- a\n+++ b\n@@ -1,2 +1,3 @@\n Hello\n World\n+x\n",
        1,
    );
    two("a\nb", "a\nb\n", &["-b"], "", 0);
    two("a\n\nb\n", "a\nb\n\n", &["-B"], "", 0);
    two(
        "x\n\n\ny\nz\n",
        "x\ny\nq\n",
        &["-B"],
        "5c3\n< z\n---\n> q\n",
        1,
    );
    two(
        "x\n\n\ny\nz\n",
        "x\ny\nq\n",
        &["--ignore-blank-lines", "-u", "--label", "a", "--label", "b"],
        "--- a\n+++ b\n@@ -1,5 +1,3 @@\n x\n-\n-\n y\n-z\n+q\n",
        1,
    );
    two("x\n  \ny\n", "x\ny\n", &["-B"], "2d1\n<   \n", 1);
    two("x\n  \ny\n", "x\ny\n", &["-B", "-b"], "", 0);
    two("a\r\nb\r\n", "a\nb\n", &["--strip-trailing-cr"], "", 0);
    two(
        "a\r\nb\r\n",
        "a\nc\n",
        &["--strip-trailing-cr"],
        "2c2\n< b\n---\n> c\n",
        1,
    );
    two(
        "a\r\nb\r\n",
        "a\nb\n",
        &[],
        "1,2c1,2\n< a\r\n< b\r\n---\n> a\n> b\n",
        1,
    );
    two(
        "\tx\n",
        "\ty\n",
        &["-t"],
        "1c1\n<         x\n---\n>         y\n",
        1,
    );
    two(
        "ab\tx\n",
        "ab\ty\n",
        &["-t", "-u", "--label", "a", "--label", "b"],
        "--- a\n+++ b\n@@ -1 +1 @@\n-ab      x\n+ab      y\n",
        1,
    );
}

#[test]
fn minimal_search() {
    two(
        "a\nb\nc\na\nb\nb\na\n",
        "c\nb\na\nb\na\nc\n",
        &[],
        "1,2d0\n< a\n< b\n4d1\n< a\n5a3\n> a\n7a6\n> c\n",
        1,
    );
    two(
        "a\nb\nc\na\nb\nb\na\n",
        "c\nb\na\nb\na\nc\n",
        &["-d"],
        "1,2d0\n< a\n< b\n4d1\n< a\n5a3\n> a\n7a6\n> c\n",
        1,
    );
    two(
        "a\nb\nc\na\nb\nb\na\n",
        "c\nb\na\nb\na\nc\n",
        &["--minimal", "-u", "--label", "a", "--label", "b"],
        "--- a\n+++ b\n@@ -1,7 +1,6 @@\n-a\n-b\n c\n-a\n b\n+a\n b\n a\n+c\n",
        1,
    );
}

#[test]
fn headers_with_times() {
    let t = TempDir::new();
    t.write("a", "1\n2\n3\n");
    t.write("b", "1\nX\n3\n");
    set_mtime(&t.join("a"), "2020-01-02 03:04:05.123456789");
    set_mtime(&t.join("b"), "2021-12-31 23:59:59.000000001");
    cmd("diff")
        .args(["-u", "a", "b"])
        .cwd(t.path())
        .run()
        .status(1)
        .out(
            "--- a\t2020-01-02 03:04:05.123456789 +0000\n\
             +++ b\t2021-12-31 23:59:59.000000001 +0000\n\
             @@ -1,3 +1,3 @@\n 1\n-2\n+X\n 3\n",
        );
    cmd("diff")
        .args(["-c", "a", "b"])
        .cwd(t.path())
        .env("TZ", "EST5")
        .run()
        .status(1)
        .out(
            "*** a\t2020-01-01 22:04:05.123456789 -0500\n\
             --- b\t2021-12-31 18:59:59.000000001 -0500\n\
             ***************\n*** 1,3 ****\n  1\n! 2\n  3\n--- 1,3 ----\n  1\n! X\n  3\n",
        );
    // One label: the other file keeps its name and time.
    cmd("diff")
        .args(["-u", "--label", "L1", "a", "b"])
        .cwd(t.path())
        .run()
        .status(1)
        .out(
            "--- L1\n+++ b\t2021-12-31 23:59:59.000000001 +0000\n@@ -1,3 +1,3 @@\n 1\n-2\n+X\n 3\n",
        );
    // Names with spaces, quotes or backslashes are C-quoted in headers.
    t.write("s p", "1\n");
    t.write("q\"x", "2\n");
    set_mtime(&t.join("s p"), "2020-01-02 03:04:05");
    set_mtime(&t.join("q\"x"), "2020-01-02 03:04:05");
    cmd("diff")
        .args(["-u", "s p", "q\"x"])
        .cwd(t.path())
        .run()
        .status(1)
        .out(
            "--- \"s p\"\t2020-01-02 03:04:05.000000000 +0000\n\
             +++ \"q\\\"x\"\t2020-01-02 03:04:05.000000000 +0000\n@@ -1 +1 @@\n-1\n+2\n",
        );
    // A missing file under -N has the epoch as its time.
    cmd("diff")
        .args(["-N", "-u", "nope", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .out(
            "--- nope\t1970-01-01 00:00:00.000000000 +0000\n\
             +++ a\t2020-01-02 03:04:05.123456789 +0000\n@@ -0,0 +1,3 @@\n+1\n+2\n+3\n",
        );
}

#[test]
fn stdin_operand() {
    let t = TempDir::new();
    t.write("b", "a\nb\n");
    cmd("diff")
        .args(["-", "b"])
        .stdin("a\nb")
        .cwd(t.path())
        .run()
        .status(1)
        .out("2c2\n< b\n\\ No newline at end of file\n---\n> b\n");
    let o = cmd("diff")
        .args(["-u", "-", "b"])
        .stdin("a\nc\n")
        .cwd(t.path())
        .run();
    o.status(1);
    let text = o.stdout_str();
    assert!(text.starts_with("--- -\t"), "{text}");
    assert!(text.ends_with("@@ -1,2 +1,2 @@\n a\n-c\n+b\n"), "{text}");
    cmd("diff")
        .args(["b", "-"])
        .stdin("a\nb\n")
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    put(&t, "d/x", "");
    cmd("diff")
        .args(["-", "d"])
        .stdin("")
        .cwd(t.path())
        .run()
        .status(2)
        .err("diff: cannot compare '-' to a directory\n");
}

#[test]
fn brief_and_identical() {
    let t = TempDir::new();
    t.write("a", "1\n");
    t.write("b", "2\n");
    t.write("c", "1\n");
    t.write("w", "1 \n");
    let run = |args: &[&str]| cmd("diff").args(args).cwd(t.path()).run();
    run(&["-q", "a", "b"])
        .status(1)
        .err("")
        .out("Files a and b differ\n");
    run(&["--brief", "a", "c"]).ok().out("");
    run(&["-s", "a", "c"])
        .ok()
        .out("Files a and c are identical\n");
    run(&["--report-identical-files", "a", "a"])
        .ok()
        .out("Files a and a are identical\n");
    run(&["-s", "a", "b"]).status(1).out("1c1\n< 1\n---\n> 2\n");
    run(&["-qs", "a", "c"])
        .ok()
        .out("Files a and c are identical\n");
    // With an ignore option, -q compares lines, not bytes.
    run(&["-q", "a", "w"])
        .status(1)
        .out("Files a and w differ\n");
    run(&["-q", "-b", "a", "w"]).ok().out("");
}

#[test]
fn binary_files() {
    let t = TempDir::new();
    t.write("b1", b"\0bin\n");
    t.write("b2", b"\0bon\n");
    t.write("b3", b"\0bin\n");
    let run = |args: &[&str]| cmd("diff").args(args).cwd(t.path()).run();
    run(&["b1", "b2"])
        .status(1)
        .err("")
        .out("Binary files b1 and b2 differ\n");
    run(&["-u", "b1", "b3"]).ok().out("");
    run(&["-q", "b1", "b2"])
        .status(1)
        .out("Files b1 and b2 differ\n");
    run(&["-a", "b1", "b2"])
        .status(1)
        .out(b"1c1\n< \0bin\n---\n> \0bon\n".as_slice());
    run(&["--text", "--label", "x", "--label", "y", "-u", "b1", "b2"])
        .status(1)
        .out(b"--- x\n+++ y\n@@ -1 +1 @@\n-\0bin\n+\0bon\n".as_slice());
    run(&["--label", "x", "--label", "y", "b1", "b2"])
        .status(1)
        .out("Binary files x and y differ\n");
    // Only a NUL in the first 4 KiB counts.
    let mut late1 = "a\n".repeat(2500).into_bytes();
    let mut late2 = late1.clone();
    late1.extend_from_slice(b"\0\n");
    late2.extend_from_slice(b"\0x\n");
    t.write("l1", late1);
    t.write("l2", late2);
    run(&["l1", "l2"])
        .status(1)
        .out(b"2501c2501\n< \0\n---\n> \0x\n".as_slice());
}

fn tree() -> TempDir {
    let t = TempDir::new();
    put(&t, "a/f", "1\n2\n3\n");
    put(&t, "b/f", "1\nX\n3\n");
    put(&t, "a/sub/s", "s\n");
    put(&t, "b/sub/s", "t\n");
    put(&t, "b/newf", "x\n");
    std::fs::create_dir_all(t.join("a/only")).expect("mkdir");
    put(&t, "a/bin", b"\0bin");
    put(&t, "b/bin", b"\0bon");
    put(&t, "a/same", "same\n");
    put(&t, "b/same", "same\n");
    t
}

#[test]
fn directories() {
    let t = tree();
    let run = |args: &[&str]| cmd("diff").args(args).cwd(t.path()).run();
    run(&["a", "b"]).status(1).err("").out(
        "Binary files a/bin and b/bin differ\n\
         diff a/f b/f\n2c2\n< 2\n---\n> X\n\
         Only in b: newf\nOnly in a: only\n\
         Common subdirectories: a/sub and b/sub\n",
    );
    run(&["-r", "a", "b"]).status(1).out(
        "Binary files a/bin and b/bin differ\n\
         diff -r a/f b/f\n2c2\n< 2\n---\n> X\n\
         Only in b: newf\nOnly in a: only\n\
         diff -r a/sub/s b/sub/s\n1c1\n< s\n---\n> t\n",
    );
    run(&["-qr", "a", "b"]).status(1).out(
        "Files a/bin and b/bin differ\nFiles a/f and b/f differ\n\
         Only in b: newf\nOnly in a: only\nFiles a/sub/s and b/sub/s differ\n",
    );
    run(&["-sr", "a", "b"]).status(1).out(
        "Binary files a/bin and b/bin differ\n\
         diff -sr a/f b/f\n2c2\n< 2\n---\n> X\n\
         Only in b: newf\nOnly in a: only\n\
         Files a/same and b/same are identical\n\
         diff -sr a/sub/s b/sub/s\n1c1\n< s\n---\n> t\n",
    );
    run(&["-Nr", "a", "b"]).status(1).out(
        "Binary files a/bin and b/bin differ\n\
         diff -Nr a/f b/f\n2c2\n< 2\n---\n> X\n\
         diff -Nr a/newf b/newf\n0a1\n> x\n\
         diff -Nr a/sub/s b/sub/s\n1c1\n< s\n---\n> t\n",
    );
    run(&["--recursive", "--new-file", "-x", "bin", "--exclude=f", "a", "b"])
        .status(1)
        .out(
            "diff --recursive --new-file -x bin '--exclude=f' a/newf b/newf\n0a1\n> x\n\
             diff --recursive --new-file -x bin '--exclude=f' a/sub/s b/sub/s\n1c1\n< s\n---\n> t\n",
        );
    run(&["-r", "-x", "*", "a", "b"]).ok().out("");
    run(&["-r", "--exclude=s*", "-x", "[bfno]*", "a", "b"])
        .ok()
        .out("");
    run(&[
        "-r", "-u", "-U", "1", "-x", "sub", "-x", "bin", "-x", "?n*", "a", "b",
    ])
    .status(1);
    // The options as given head each pair; a file against a directory
    // compares with its namesake inside.
    let o = run(&["-r", "-U", "1", "a/sub", "b/sub"]);
    o.status(1);
    assert!(
        o.stdout_str()
            .starts_with("diff -r -U 1 a/sub/s b/sub/s\n--- a/sub/s\t"),
        "{}",
        o.stdout_str()
    );
    run(&["a/f", "b"]).status(1).out("2c2\n< 2\n---\n> X\n");
    run(&["a", "b/f"]).status(1).out("2c2\n< 2\n---\n> X\n");
    run(&["-r", "a/same", "b/same"]).ok().out("");
}

#[test]
fn directory_oddities() {
    let t = TempDir::new();
    put(&t, "c/x", "\n");
    put(&t, "d/x/y", "");
    put(&t, "p/sp ace", "1\n");
    put(&t, "q/sp ace", "2\n");
    put(&t, "p/it's", "1\n");
    put(&t, "q/it's", "3\n");
    let run = |args: &[&str]| cmd("diff").args(args).cwd(t.path()).run();
    run(&["-r", "c", "d"])
        .status(1)
        .out("File c/x is a regular file while file d/x is a directory\n");
    run(&["-r", "d", "c"])
        .status(1)
        .out("File d/x is a directory while file c/x is a regular file\n");
    run(&["-r", "p", "q"]).status(1).out(
        "diff -r p/it's q/it's\n1c1\n< 1\n---\n> 3\n\
         diff -r \"p/sp ace\" \"q/sp ace\"\n1c1\n< 1\n---\n> 2\n",
    );
    // A directory on one side only, under -N, is compared with nothing.
    std::fs::create_dir_all(t.join("e")).expect("mkdir");
    run(&["-Nr", "e", "nonexist"]).ok().out("");
    run(&["-r", "e", "nonexist"])
        .status(2)
        .err("diff: nonexist: No such file or directory\n");
    run(&["-r", "c", "nonexist/x"])
        .status(2)
        .err("diff: nonexist/x: No such file or directory\n");
}

#[test]
fn errors() {
    let t = TempDir::new();
    t.write("a", "1\n");
    // GNU diffutils' form after the message.
    let usage = "diff: Try 'diff --help' for more information.\n";
    let run = |args: &[&str]| cmd("diff").args(args).cwd(t.path()).run();
    run(&["a", "nope"])
        .status(2)
        .out("")
        .err("diff: nope: No such file or directory\n");
    run(&["nope", "a"])
        .status(2)
        .err("diff: nope: No such file or directory\n");
    run(&["a"])
        .status(2)
        .err(format!("diff: missing operand after 'a'\n{usage}"));
    run(&[])
        .status(2)
        .err(format!("diff: missing operand after 'diff'\n{usage}"));
    run(&["a", "a", "a"])
        .status(2)
        .err(format!("diff: extra operand 'a'\n{usage}"));
    run(&["-u", "-c", "a", "a"])
        .status(2)
        .err(format!("diff: conflicting output style options\n{usage}"));
    run(&["-U", "x", "a", "a"])
        .status(2)
        .err(format!("diff: invalid context length 'x'\n{usage}"));
    run(&["--label", "1", "--label", "2", "--label", "3", "a", "a"])
        .status(2)
        .err("diff: too many file label options\n");
    run(&["-j", "a", "a"])
        .status(2)
        .err_has("invalid option -- 'j'");
    // An ed script cannot show a missing newline: GNU complains (status 2)
    // and compares as if the newline were there.
    t.write("n1", "a\nb");
    t.write("n2", "a\nb\n");
    run(&["-e", "n1", "n2"])
        .status(2)
        .out("")
        .err("diff: n1: No newline at end of file\n");
    t.write("b", "2\n");
    cmd("diff")
        .args(["a", "b"])
        .cwd(t.path())
        .stdout_full()
        .run()
        .status(2)
        .err("diff: write error: No space left on device\n");
    if let Some(user) = unprivileged() {
        let t2 = TempDir::new();
        t2.write("r", "1\n");
        t2.write("s", "1\n");
        std::fs::set_permissions(
            t2.join("s"),
            std::os::unix::fs::PermissionsExt::from_mode(0o000),
        )
        .expect("chmod");
        give(t2.path(), user.0, user.1);
        cmd("diff")
            .args(["r", "s"])
            .cwd(t2.path())
            .user(user)
            .run()
            .status(2)
            .err("diff: s: Permission denied\n");
    }
}

#[test]
fn long_and_large() {
    // A long line, many lines, one change deep inside.
    let t = TempDir::new();
    let mut a = String::new();
    for i in 0..100_000 {
        a.push_str(&format!("{i}\n"));
    }
    let b = a.replace("\n5000\n", "\nfive thousand\n");
    let long = "x".repeat(200_000);
    t.write("a", format!("{a}{long}\n"));
    t.write("b", format!("{b}{long}y\n"));
    cmd("diff")
        .args(["a", "b"])
        .cwd(t.path())
        .run()
        .status(1)
        .out(format!(
            "5001c5001\n< 5000\n---\n> five thousand\n100001c100001\n< {long}\n---\n> {long}y\n"
        ));
}

#[test]
fn loops_and_special_operands() {
    let t = TempDir::new();
    for side in ["l1", "l2"] {
        std::fs::create_dir_all(t.join(side).join("x")).expect("mkdir");
        std::os::unix::fs::symlink("..", t.join(side).join("x/loop")).expect("symlink");
    }
    cmd("diff")
        .args(["-r", "l1", "l2"])
        .cwd(t.path())
        .run()
        .status(2)
        .out("")
        .err("diff: l1/x/loop: recursive directory loop\n");
    // Standard input against itself is the same file.
    cmd("diff").args(["-", "-"]).stdin("a\n").run().ok().out("");
    t.write("n", "a\n");
    cmd("diff")
        .args(["/dev/null", "n"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("0a1\n> a\n");
    cmd("diff")
        .args(["-u", "/dev/null", "/dev/null"])
        .run()
        .ok()
        .out("");
}
#[test]
fn bad_ignore_expression() {
    // GNU words the error as glibc does; ours is the shared matcher's text.
    cmd("diff")
        .args(["-I", "[", "a", "b"])
        .run()
        .status(2)
        .out("")
        .err("diff: [: Unmatched [, [^, [:, [., or [=\n");
}
#[test]
fn ignoring_more() {
    two("a\nb", "a\nb\n", &["-Z"], "", 0);
    two("a\nb\n", "a \nb\t\n", &["--ignore-trailing-space"], "", 0);
    two("a \nb\n", " a\nb\n", &["-Z"], "1c1\n< a \n---\n>  a\n", 1);
    two("\tx\n", "        x\n", &["-E"], "", 0);
    two("\tx\n", "  \tx\n", &["--ignore-tab-expansion"], "", 0);
    two(
        "\tx\n",
        "       x\n",
        &["-E"],
        "1c1\n< \tx\n---\n>        x\n",
        1,
    );
    two(
        "a\nb",
        "a\nb\n",
        &["-E"],
        "2c2\n< b\n\\ No newline at end of file\n---\n> b\n",
        1,
    );
    two("x\n  \ny\n", "x\ny\n", &["-B", "-Z"], "", 0);
    two("x\n  \ny\n", "x\ny\n", &["-B", "-E"], "2d1\n<   \n", 1);
    two(
        "a\n# comment\nb\n",
        "a\n# other\nb\nc\n",
        &["-I", "^#"],
        "3a4\n> c\n",
        1,
    );
    two("a\n# comment\nb\n", "a\nb\n", &["-I", "^#"], "", 0);
    two(
        "a\n# comment\nb\n",
        "a\nb\n",
        &[
            "--ignore-matching-lines=comment",
            "-u",
            "--label",
            "a",
            "--label",
            "b",
        ],
        "",
        0,
    );
    two(
        "a\n# comment\nb\n",
        "a\nb\n",
        &["-I", "COMMENT", "-i"],
        "2d1\n< # comment\n",
        1,
    );
    two("a\n# c\n\nb\n", "a\nb\n", &["-B", "-I", "^#"], "", 0);
    two(
        "a\n# c\n\nb\n",
        "a\nb\n",
        &["-I", "^#"],
        "2,3d1\n< # c\n< \n",
        1,
    );
}

#[test]
fn special_files() {
    // Inside directories only regular files are compared (GNU's
    // wording for the others); dangling links are reported on both sides.
    let t = TempDir::new();
    for side in ["s1", "s2"] {
        std::fs::create_dir_all(t.join(side)).expect("mkdir");
        std::os::unix::fs::symlink("nowhere", t.join(side).join("dang")).expect("symlink");
        let fifo = std::ffi::CString::new(t.join(side).join("fifo").to_string_lossy().as_bytes())
            .expect("cstring");
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0);
    }
    put(&t, "s1/e", "");
    std::fs::create_dir_all(t.join("s2/e")).expect("mkdir");
    cmd("diff")
        .args(["-r", "s1", "s2"])
        .cwd(t.path())
        .run()
        .status(2)
        .err("diff: s1/dang: No such file or directory\ndiff: s2/dang: No such file or directory\n")
        .out(
            "File s1/e is a regular empty file while file s2/e is a directory\n\
             File s1/fifo is a fifo while file s2/fifo is a fifo\n",
        );
    cmd("diff")
        .args(["-rN", "s1", "s2"])
        .cwd(t.path())
        .run()
        .status(2)
        .err(
            "diff: s1/dang: No such file or directory\ndiff: s2/dang: No such file or directory\n",
        );
    // Operands may be pipes, as with `diff <(a) <(b)`.
    sh("diff /dev/fd/3 /dev/fd/4 3<<EOF 4<<EOG\na\nEOF\nb\nEOG\n")
        .run()
        .status(1)
        .out("1c1\n< a\n---\n> b\n");
}
#[test]
fn side_by_side() {
    two("a\nb\nc\n", "a\nB\nc\nd\n", &["-y"], "a\t\t\t\t\t\t\t\ta\nb\t\t\t\t\t\t\t      |\tB\nc\t\t\t\t\t\t\t\tc\n\t\t\t\t\t\t\t      >\td\n", 1);
    two(
        "a\nb\nc\n",
        "a\nB\nc\nd\n",
        &["--side-by-side", "-W", "20"],
        "a\ta\nb     |\tB\nc\tc\n      >\td\n",
        1,
    );
    two(
        "a\nb\nc\n",
        "a\nB\nc\nd\n",
        &["-y", "--width=21", "-t"],
        "a           a\nb         | B\nc           c\n          > d\n",
        1,
    );
    two("a\nb\nc\n", "a\nB\nc\nd\n", &["-y", "--left-column"], "a\t\t\t\t\t\t\t      (\nb\t\t\t\t\t\t\t      |\tB\nc\t\t\t\t\t\t\t      (\n\t\t\t\t\t\t\t      >\td\n", 1);
    two(
        "a\nb\nc\n",
        "a\nB\nc\nd\n",
        &["-y", "--suppress-common-lines"],
        "b\t\t\t\t\t\t\t      |\tB\n\t\t\t\t\t\t\t      >\td\n",
        1,
    );
    two("x\ty\tz\nwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww\n", "x\ty\nwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww!\n", &["-y", "-W", "40"], "x\ty\t   |\tx\ty\nwwwwwwwwwwwwwwww   |\twwwwwwwwwwwwwwww\n", 1);
    two(
        "tab\there\n",
        "tab\tthere\n",
        &["-y", "-W", "30", "-t"],
        "tab     here  |  tab     there\n",
        1,
    );
    two("last", "last\n", &["-y", "-W", "20"], "last  \\\tlast\n", 1);
    two("last\n", "last", &["-y", "-W", "20"], "last  /\tlast\n", 1);
    two("same", "same", &["-y", "-W", "20"], "same\tsame", 0);
    two(
        "a\n\nb\n",
        "a\nb\n\n",
        &["-y", "-W", "16"],
        "a\ta\n      <\nb\tb\n      >\n",
        1,
    );
    two(
        "cr\rx\nbs\u{8}q\n\u{1}ctl\n",
        "z\n",
        &["-y", "-W", "24"],
        "cr\rx\t   |\tz\nbs\u{8}q\t   <\n\u{1}ctl\t   <\n",
        1,
    );
    two("a\nb\n", "c\nd\n", &["-y", "-W", "1"], "|\n|\n", 1);
    two(
        "a\nb\n",
        "c\nd\n",
        &["-y", "-W", "7"],
        "   |   \n   |   \n",
        1,
    );
    two(
        "1\n\n2\n",
        "1\n2\n",
        &["-y", "-B", "-W", "20"],
        "1\t1\n\t2\n2     (\n",
        0,
    );
    two(
        "1\n\n2\n",
        "1\n2\n",
        &["-y", "-B", "-W", "20", "--left-column"],
        "1     (\n      (\n2     (\n",
        0,
    );
}

#[test]
fn show_function() {
    two(
        "int f(void)\n{\n  a;\n  b;\n  c;\n  d;\n  e;\n}\n",
        "int f(void)\n{\n  a;\n  b;\n  c;\n  D;\n  e;\n}\n",
        &["-u", "-p", "--label", "A", "--label", "B"],
        "--- A\n+++ B\n@@ -3,6 +3,6 @@ int f(void)\n   a;\n   b;\n   c;\n-  d;\n+  D;\n   e;\n }\n",
        1,
    );
    two("int f(void)\n{\n  a;\n  b;\n  c;\n  d;\n  e;\n}\n", "int f(void)\n{\n  a;\n  b;\n  c;\n  D;\n  e;\n}\n", &["-p", "--label", "A", "--label", "B"], "*** A\n--- B\n*************** int f(void)\n*** 3,8 ****\n    a;\n    b;\n    c;\n!   d;\n    e;\n  }\n--- 3,8 ----\n    a;\n    b;\n    c;\n!   D;\n    e;\n  }\n", 1);
    two("int f(void)\n{\n  a;\n  b;\n  c;\n  d;\n  e;\n}\n", "int f(void)\n{\n  a;\n  b;\n  c;\n  D;\n  e;\n}\n", &["-c", "--show-c-function", "-C", "1", "--label", "A", "--label", "B"], "*** A\n--- B\n*************** int f(void)\n*** 3,8 ****\n    a;\n    b;\n    c;\n!   d;\n    e;\n  }\n--- 3,8 ----\n    a;\n    b;\n    c;\n!   D;\n    e;\n  }\n", 1);
    two("# sec one   \nx\ny\nz\nw\nv\n# sec two\n1\n2\n3\n4\n5\n6\n7\n8\n9\n", "# sec one   \nx\ny\nz\nW\nv\n# sec two\n1\n2\n3\n4\n5\n6\n7\n8\nNINE\n", &["-U", "1", "-F", "^#", "--label", "A", "--label", "B"], "--- A\n+++ B\n@@ -4,3 +4,3 @@ # sec one\n z\n-w\n+W\n v\n@@ -15,2 +15,2 @@ # sec two\n 8\n-9\n+NINE\n", 1);
    two(
        "  long function name that is longer than forty bytes(int x)\n1\n2\n3\n4\n",
        "  long function name that is longer than forty bytes(int x)\n1\n2\n3\n5\n",
        &[
            "-U",
            "1",
            "--show-function-line=long",
            "--label",
            "A",
            "--label",
            "B",
        ],
        "--- A\n+++ B\n@@ -4,2 +4,2 @@ long function name that is longer than f\n 3\n-4\n+5\n",
        1,
    );
    two(
        "a\nb\nc\n",
        "a\nb\nC\n",
        &["-F", "^a", "--label", "A", "--label", "B"],
        "3c3\n< c\n---\n> C\n",
        1,
    );
}

#[test]
fn rcs_format() {
    two(
        "a\nb\nc\n",
        "a\nB\nc\nd\n",
        &["-n"],
        "d2 1\na2 1\nB\na3 1\nd\n",
        1,
    );
    two("a\nb\nc\n", "a\nb", &["--rcs"], "d2 2\na3 1\nb", 1);
    two("", "x\ny\n", &["-n"], "a0 2\nx\ny\n", 1);
    two("x\ny\n", "", &["-n"], "d1 2\n", 1);
}

#[test]
fn color_output() {
    two("a\nb\nc\n", "a\nB\nc\nd\n", &["--color=always", "-u", "--label", "A", "--label", "B"], "\u{1b}[1m--- A\u{1b}[0m\n\u{1b}[1m+++ B\u{1b}[0m\n\u{1b}[36m@@ -1,3 +1,4 @@\u{1b}[0m\n a\n\u{1b}[31m-b\u{1b}[0m\n\u{1b}[32m+B\u{1b}[0m\n c\n\u{1b}[32m+d\u{1b}[0m\n", 1);
    two("a\nb\nc\n", "a\nB\nc\nd\n", &["--color=always"], "\u{1b}[36m2c2\u{1b}[0m\n\u{1b}[31m< b\u{1b}[0m\n---\n\u{1b}[32m> B\u{1b}[0m\n\u{1b}[36m3a4\u{1b}[0m\n\u{1b}[32m> d\u{1b}[0m\n", 1);
    two("a\nb\nc\n", "a\nB\nc\nd\n", &["--color=always", "-c", "--label", "A", "--label", "B"], "\u{1b}[1m*** A\u{1b}[0m\n\u{1b}[1m--- B\u{1b}[0m\n***************\n\u{1b}[36m*** 1,3 ****\u{1b}[0m\n\u{1b}[31m  a\u{1b}[0m\n\u{1b}[31m! b\u{1b}[0m\n\u{1b}[31m  c\u{1b}[0m\n\u{1b}[36m--- 1,4 ----\u{1b}[0m\n\u{1b}[32m  a\u{1b}[0m\n\u{1b}[32m! B\u{1b}[0m\n\u{1b}[32m  c\u{1b}[0m\n\u{1b}[32m+ d\u{1b}[0m\n", 1);
    two(
        "a\nb\nc\n",
        "a\nB\nc\nd\n",
        &["--color=always", "-y", "-W", "20"],
        "a\ta\nb     |\tB\nc\tc\n\u{1b}[32m      >\td\n\u{1b}[0m",
        1,
    );
    two("a\nb", "a\nc", &["--color=always", "-u", "--label", "A", "--label", "B"], "\u{1b}[1m--- A\u{1b}[0m\n\u{1b}[1m+++ B\u{1b}[0m\n\u{1b}[36m@@ -1,2 +1,2 @@\u{1b}[0m\n a\n\u{1b}[31m-b\u{1b}[0m\n\\ No newline at end of file\n\u{1b}[32m+c\u{1b}[0m\n\\ No newline at end of file\n", 1);
    two(
        "a\nb\nc\n",
        "a\nB\nc\nd\n",
        &["--color", "-u", "--label", "A", "--label", "B"],
        "--- A\n+++ B\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n",
        1,
    );
    two(
        "a\nb\nc\n",
        "a\nB\nc\nd\n",
        &["--color=never"],
        "2c2\n< b\n---\n> B\n3a4\n> d\n",
        1,
    );
    two("f(x)\n1\n2\n3\n4\n", "f(x)\n1\n2\n3\n5\n", &["--color=always", "-U0", "-p", "--label", "A", "--label", "B"], "\u{1b}[1m--- A\u{1b}[0m\n\u{1b}[1m+++ B\u{1b}[0m\n\u{1b}[36m@@ -5 +5 @@\u{1b}[0m f(x)\n\u{1b}[31m-4\u{1b}[0m\n\u{1b}[32m+5\u{1b}[0m\n", 1);
}

#[test]
fn ignore_options() {
    two("a\tb\n", "a       b\n", &["-E"], "", 0);
    two("a  \nb\n", "a\nb \n", &["-Z"], "", 0);
    two(
        "a  \nb\n",
        "a\nb \n",
        &[
            "--ignore-trailing-space",
            "-u",
            "--label",
            "A",
            "--label",
            "B",
        ],
        "",
        0,
    );
    two("a\n#x\nb\n", "a\n#y\nb\n", &["-I", "^#"], "", 0);
    two(
        "a\n#x\nb\n",
        "a\n#y\nB\n",
        &["--ignore-matching-lines=^#"],
        "2,3c2,3\n< #x\n< b\n---\n> #y\n> B\n",
        1,
    );
    two("a\nb\n", "a\nc\n", &["-d"], "2c2\n< b\n---\n> c\n", 1);
    two(
        "a\nb\n",
        "a\nc\n",
        &["--speed-large-files"],
        "2c2\n< b\n---\n> c\n",
        1,
    );
    two(
        "a\nb\n",
        "a\nc\n",
        &["-H", "--minimal"],
        "2c2\n< b\n---\n> c\n",
        1,
    );
    two("a\nb\n", "a\nc\n", &["--normal"], "2c2\n< b\n---\n> c\n", 1);
}

/// S1 and S2: a..d differ, e only in S2, f only in S1, sub/a differs.
fn dir_pair() -> TempDir {
    let t = TempDir::new();
    for f in ["a", "b", "c", "d"] {
        put(&t, &format!("S1/{f}"), format!("{f}\n"));
        put(&t, &format!("S2/{f}"), format!("{f}{f}\n"));
    }
    put(&t, "S1/sub/a", "x\n");
    put(&t, "S2/sub/a", "y\n");
    put(&t, "S2/e", "only\n");
    put(&t, "S1/f", "only1\n");
    t
}

fn dir_run(t: &TempDir, args: &[&str], out: &str, status: i32) {
    cmd("diff")
        .args(args)
        .cwd(t.path())
        .run()
        .status(status)
        .err("")
        .out(out);
}

#[test]
fn starting_file() {
    let t = dir_pair();
    dir_run(
        &t,
        &["-S", "c", "S1", "S2"],
        "diff -S c S1/c S2/c\n1c1\n< c\n---\n> cc\ndiff -S c S1/d S2/d\n1c1\n< d\n---\n> dd\n\
         Only in S2: e\nOnly in S1: f\nCommon subdirectories: S1/sub and S2/sub\n",
        1,
    );
    // Only the top level starts late.
    dir_run(
        &t,
        &["-r", "--starting-file=c", "S1", "S2"],
        "diff -r '--starting-file=c' S1/c S2/c\n1c1\n< c\n---\n> cc\n\
         diff -r '--starting-file=c' S1/d S2/d\n1c1\n< d\n---\n> dd\n\
         Only in S2: e\nOnly in S1: f\ndiff -r '--starting-file=c' S1/sub/a S2/sub/a\n1c1\n< x\n---\n> y\n",
        1,
    );
}

#[test]
fn exclude_from() {
    let t = dir_pair();
    put(&t, "xf", "b\nsu*\n");
    dir_run(
        &t,
        &["-r", "-X", "xf", "S1", "S2"],
        "diff -r -X xf S1/a S2/a\n1c1\n< a\n---\n> aa\ndiff -r -X xf S1/c S2/c\n1c1\n< c\n---\n> cc\n\
         diff -r -X xf S1/d S2/d\n1c1\n< d\n---\n> dd\nOnly in S2: e\nOnly in S1: f\n",
        1,
    );
    cmd("diff")
        .args(["--exclude-from=nope", "S1", "S2"])
        .cwd(t.path())
        .run()
        .status(2)
        .err("diff: nope: No such file or directory\n")
        .out("");
}

#[test]
fn from_and_to_file() {
    let t = TempDir::new();
    t.write("p", "a\nb\n");
    t.write("q", "a\nc\n");
    t.write("r", "a\n");
    dir_run(
        &t,
        &["--from-file=p", "q", "r"],
        "2c2\n< b\n---\n> c\n2d1\n< b\n",
        1,
    );
    dir_run(
        &t,
        &["--to-file", "q", "p", "r"],
        "2c2\n< b\n---\n> c\n1a2\n> c\n",
        1,
    );
    dir_run(&t, &["--from-file=p", "p"], "", 0);
    // No operands: nothing to compare.
    dir_run(&t, &["--from-file=p"], "", 0);
    cmd("diff")
        .args(["--from-file=p", "q", "nope"])
        .cwd(t.path())
        .run()
        .status(2)
        .err("diff: nope: No such file or directory\n")
        .out("2c2\n< b\n---\n> c\n");
    cmd("diff")
        .args(["--from-file=p", "--to-file=q"])
        .cwd(t.path())
        .run()
        .status(2)
        .err("diff: --from-file and --to-file both specified\n")
        .out("");
    // A directory on the from side: its namesake of each file operand.
    let t = dir_pair();
    dir_run(&t, &["--from-file=S1", "S2/a"], "1c1\n< a\n---\n> aa\n", 1);
}

#[test]
fn unidirectional_new_file() {
    let t = dir_pair();
    dir_run(
        &t,
        &["--unidirectional-new-file", "-r", "S1", "S2"],
        "diff --unidirectional-new-file -r S1/a S2/a\n1c1\n< a\n---\n> aa\n\
         diff --unidirectional-new-file -r S1/b S2/b\n1c1\n< b\n---\n> bb\n\
         diff --unidirectional-new-file -r S1/c S2/c\n1c1\n< c\n---\n> cc\n\
         diff --unidirectional-new-file -r S1/d S2/d\n1c1\n< d\n---\n> dd\n\
         diff --unidirectional-new-file -r S1/e S2/e\n0a1\n> only\nOnly in S1: f\n\
         diff --unidirectional-new-file -r S1/sub/a S2/sub/a\n1c1\n< x\n---\n> y\n",
        1,
    );
    dir_run(
        &t,
        &["--unidirectional-new-file", "nope", "S1/a"],
        "0a1\n> a\n",
        1,
    );
    cmd("diff")
        .args(["--unidirectional-new-file", "S1/a", "nope"])
        .cwd(t.path())
        .run()
        .status(2)
        .err("diff: nope: No such file or directory\n")
        .out("");
}

#[test]
fn ignore_file_name_case() {
    let t = TempDir::new();
    put(&t, "L1/Abc", "a\n");
    put(&t, "L2/abc", "b\n");
    put(&t, "L1/zz", "c\n");
    put(&t, "L2/ZZ", "c\n");
    put(&t, "L2/b", "q\n");
    dir_run(
        &t,
        &["--ignore-file-name-case", "L1", "L2"],
        "diff --ignore-file-name-case L1/Abc L2/abc\n1c1\n< a\n---\n> b\nOnly in L2: b\n",
        1,
    );
    dir_run(
        &t,
        &["--ignore-file-name-case", "-x", "ABC", "L1", "L2"],
        "Only in L2: b\n",
        1,
    );
    // The last of the pair wins.
    dir_run(
        &t,
        &[
            "--ignore-file-name-case",
            "--no-ignore-file-name-case",
            "L1",
            "L2",
        ],
        "Only in L1: Abc\nOnly in L2: ZZ\nOnly in L2: abc\nOnly in L2: b\nOnly in L1: zz\n",
        1,
    );
}

#[test]
fn no_dereference() {
    let t = TempDir::new();
    t.write("p", "a\n");
    t.write("q", "b\n");
    std::os::unix::fs::symlink("p", t.join("s1")).expect("symlink");
    std::os::unix::fs::symlink("q", t.join("s2")).expect("symlink");
    std::os::unix::fs::symlink("p", t.join("s3")).expect("symlink");
    dir_run(
        &t,
        &["--no-dereference", "s1", "s2"],
        "Symbolic links s1 and s2 differ\n",
        1,
    );
    dir_run(
        &t,
        &["--no-dereference", "-s", "s1", "s3"],
        "Files s1 and s3 are identical\n",
        0,
    );
    dir_run(
        &t,
        &["--no-dereference", "s1", "p"],
        "File s1 is a symbolic link while file p is a regular file\n",
        1,
    );
    // Without it the targets compare.
    dir_run(&t, &["s1", "s3"], "", 0);
    dir_run(&t, &["s1", "s2"], "1c1\n< a\n---\n> b\n", 1);
    put(&t, "N1/x", "");
    put(&t, "N2/x", "");
    std::os::unix::fs::symlink("p", t.join("N1/l")).expect("symlink");
    std::os::unix::fs::symlink("q", t.join("N2/l")).expect("symlink");
    dir_run(
        &t,
        &["-r", "--no-dereference", "N1", "N2"],
        "Symbolic links N1/l and N2/l differ\n",
        1,
    );
}

#[test]
fn side_by_side_extras() {
    let t = TempDir::new();
    t.write("p", "a\nb\n");
    // The same file is still shown, and -s adds its line.
    dir_run(
        &t,
        &["-y", "-W", "20", "-s", "p", "p"],
        "a\ta\nb\tb\nFiles p and p are identical\n",
        0,
    );
    dir_run(&t, &["-y", "--suppress-common-lines", "p", "p"], "", 0);
    dir_run(&t, &["-q", "-y", "p", "p"], "", 0);
    for (args, msg) in [
        (
            &["-y", "-W", "0", "p", "p"][..],
            "diff: invalid width '0'\n",
        ),
        (&["--width=x", "p", "p"][..], "diff: invalid width 'x'\n"),
        (
            &["-y", "-u", "p", "p"][..],
            "diff: conflicting output style options\n",
        ),
        (
            &["-n", "-e", "p", "p"][..],
            "diff: conflicting output style options\n",
        ),
    ] {
        cmd("diff")
            .args(args)
            .cwd(t.path())
            .run()
            .status(2)
            .err(format!(
                "{msg}diff: Try 'diff --help' for more information.\n"
            ))
            .out("");
    }
    // A directory against itself has no differences, even under -s.
    put(&t, "D/x", "1\n");
    dir_run(&t, &["-r", "-s", "D", "D"], "", 0);
}

#[test]
fn largest_context_wins() {
    let a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    let b = "1\n2\n3\n4\nV\n6\n7\n8\n9\n";
    let l = ["--label", "A", "--label", "B"];
    let three = "--- A\n+++ B\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+V\n 6\n 7\n 8\n";
    two(a, b, &[&["-U", "1", "-u"][..], &l].concat(), three, 1);
    two(a, b, &[&["-u", "-U", "1"][..], &l].concat(), three, 1);
    two(
        a,
        b,
        &[&["-U", "1"][..], &l].concat(),
        "--- A\n+++ B\n@@ -4,3 +4,3 @@\n 4\n-5\n+V\n 6\n",
        1,
    );
}

/// -H on inputs big enough for its heuristic to act: the result is still
/// a correct diff (patch turns the first file into the second).
#[test]
#[cfg(feature = "patch")]
fn speed_large_files_round_trip() {
    let t = TempDir::new();
    let mut a = String::new();
    let mut b = String::new();
    for i in 0..6000u32 {
        let line = format!("line {} {}\n", i, i.wrapping_mul(2654435761) % 997);
        a.push_str(&line);
        match i.wrapping_mul(40503) % 13 {
            0 => b.push_str(&format!("changed {line}")),
            1 => {}
            2 => {
                b.push_str(&line);
                b.push_str("added\n");
            }
            _ => b.push_str(&line),
        }
    }
    t.write("A", &a);
    t.write("B", &b);
    let r = cmd("diff").args(["-H", "-u", "A", "B"]).cwd(t.path()).run();
    r.status(1).err("");
    let out = r.stdout.clone();
    assert!(out.len() > 10_000);
    cmd("patch")
        .args(["-s", "A"])
        .cwd(t.path())
        .stdin(out)
        .run()
        .status(0)
        .err("")
        .out("");
    assert_eq!(std::fs::read(t.join("A")).expect("read"), b.as_bytes());
}

#[test]
fn switches_in_dir_lines_keep_odd_bytes_as_they_are() {
    // GNU diffutils 3.8 (C locale) quotes the switches in GNU's `shell`
    // style: no escapes, quotes only for what a shell would not take.
    let t = TempDir::new();
    put(&t, "S1/a", "a\n");
    put(&t, "S2/a", "b\n");
    cmd("diff")
        .args(["-r", "-I"])
        .arg(os(b"zz\xc3\xa9\x01"))
        .args(["-I", "zz'", "-I", "q\tq", "-I", "$zz'", "-I"])
        .arg(os(b"\xc3\xa9'"))
        .args(["S1", "S2"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("")
        .out(
            b"diff -r -I zz\xc3\xa9\x01 -I \"zz'\" -I 'q\tq' -I '$zz'\\''' -I '\xc3\xa9'\\''' S1/a S2/a\n\
              1c1\n< a\n---\n> b\n",
        );
}
