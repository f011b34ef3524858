//! patch: unified, context and normal diffs; offsets, fuzz, rejects,
//! reversed patches, creation and deletion, backups, names and errors.
//! Each `check` case's expected stdout, stderr, status and resulting
//! files are those GNU patch 2.7.6 gave for the same set-up (no terminal,
//! so questions take their default answers). Round trips with `diff` and
//! the places where we differ from GNU on purpose follow at the end.

use crate::common::*;
use std::path::Path;

const ORIG: &str = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n";

/// Every file under `dir` but the patch, with its contents, sorted.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for e in std::fs::read_dir(dir).expect("read_dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .expect("prefix")
                    .to_string_lossy()
                    .into_owned();
                if rel != "PATCH" {
                    out.push((rel, std::fs::read(&p).expect("read")));
                }
            }
        }
    }
    let mut v = Vec::new();
    walk(dir, dir, &mut v);
    v.sort();
    v
}

/// Runs without a controlling terminal, so that patch's questions (asked on
/// /dev/tty) take their default answers even when the tests run in one.
fn detached(mut c: Cmd) -> Cmd {
    use std::os::unix::process::CommandExt;
    // SAFETY: setsid is async-signal-safe and touches nothing else.
    unsafe {
        c.command().pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    c
}

/// Sets up `files` and the patch (as PATCH, and on stdin when `stdin`),
/// runs `patch ARGS`, and checks what it printed and left behind.
#[allow(clippy::too_many_arguments)]
#[track_caller]
fn check(
    files: &[(&str, &str)],
    patch: &str,
    args: &[&str],
    stdin: bool,
    stdout: &str,
    stderr: &str,
    status: i32,
    after: &[(&str, &str)],
) {
    let t = TempDir::new();
    for (name, text) in files {
        let p = t.join(name);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    t.write("PATCH", patch);
    let mut c = detached(cmd("patch").args(args).cwd(t.path()));
    if stdin {
        c = c.stdin(patch);
    }
    c.run().status(status).err(stderr).out(stdout);
    let got = snapshot(t.path());
    let want: Vec<(String, Vec<u8>)> = after
        .iter()
        .map(|(n, c)| (n.to_string(), c.as_bytes().to_vec()))
        .collect();
    assert_eq!(
        got.iter()
            .map(|(n, c)| (n.as_str(), String::from_utf8_lossy(c)))
            .collect::<Vec<_>>(),
        want.iter()
            .map(|(n, c)| (n.as_str(), String::from_utf8_lossy(c)))
            .collect::<Vec<_>>(),
        "files left behind"
    );
}

#[test]
fn apply() {
    // plain
    check(
        &[("f", ORIG)],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n")],
    );
    // context diff
    check(
        &[("f", ORIG)],
        "*** a/f\n--- b/f\n***************\n*** 2,8 ****\n  2\n  3\n  4\n! 5\n  6\n  7\n  8\n--- 2,8 ----\n  2\n  3\n  4\n! five\n  6\n  7\n  8\n***************\n*** 18,28 ****\n  18\n  19\n  20\n  21\n  22\n  23\n  24\n- 25\n  26\n  27\n  28\n--- 18,29 ----\n  18\n  19\n  20\n+ extra\n+ extra2\n  21\n  22\n  23\n  24\n  26\n  27\n  28\n",
        &["-p1"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n")],
    );
    // normal diff with a file operand
    check(
        &[("f", ORIG)],
        "5c5\n< 5\n---\n> five\n20a21,22\n> extra\n> extra2\n25d26\n< 25\n",
        &["f"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n")],
    );
    // -i and an operand
    check(
        &[("g", ORIG)],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-i", "PATCH", "g"],
        false,
        "patching file g\n",
        "",
        0,
        &[("g", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n")],
    );
    // -d
    check(
        &[("d/f", ORIG)],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-d", "d", "-p1"],
        true,
        "patching file f\n",
        "",
        0,
        &[("d/f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n")],
    );
    // basename without -p
    check(
        &[("f", ORIG)],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &[],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n")],
    );
    // --dry-run
    check(
        &[("f", ORIG)],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "--dry-run"],
        true,
        "checking file f\n",
        "",
        0,
        &[("f", ORIG)],
    );
    // -s
    check(
        &[("f", "x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "-s"],
        true,
        "",
        "",
        0,
        &[("f", "x\n1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", "x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
    );
    // -o
    check(
        &[("f", ORIG)],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "-o", "out"],
        true,
        "patching file out (read from f)\n",
        "",
        0,
        &[("f", ORIG), ("out", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n")],
    );
    // two files, leading text
    check(
        &[("f", ORIG), ("g", "x\n")],
        "diff -u a/f b/f\n--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n--- a/g\n+++ b/g\n@@ -1 +1 @@\n-x\n+y\n",
        &["-p1"],
        true,
        "patching file f\npatching file g\n",
        "",
        0,
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("g", "y\n")],
    );
    // git style
    check(
        &[("f", ORIG)],
        "diff --git a/f b/f\nindex 123..456 100644\n--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n")],
    );
    // empty patch
    check(
        &[("f", ORIG)],
        "",
        &["-p1"],
        true,
        "",
        "",
        0,
        &[("f", ORIG)],
    );
    // quoted name
    check(
        &[("s p", "a\n")],
        "--- \"a/s p\"\n+++ \"b/s p\"\n@@ -1 +1 @@\n-a\n+b\n",
        &["-p1"],
        true,
        "patching file 's p'\n",
        "",
        0,
        &[("s p", "b\n")],
    );
    // blank context line
    check(
        &[("f", "a\n\nb\n")],
        "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n\n-b\n+c\n",
        &["-p1"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "a\n\nc\n")],
    );
    // NUL bytes
    check(
        &[("f", "a\x00b\nc\n")],
        "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\x00b\n-c\n+d\n",
        &["-p1"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "a\x00b\nd\n")],
    );
    // CRLF lines
    check(
        &[("f", "a\r\nb\r\n")],
        "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n",
        &["-p1"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "a\r\nc\r\n")],
    );
}

#[test]
fn newline() {
    // remove final newline
    check(
        &[("f", "a\nb\n")],
        "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n",
        &["-p1"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "a\nb")],
    );
    // add final newline
    check(
        &[("f", "a\nb")],
        "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
        &["-p1"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "a\nb\n")],
    );
    // change a line without one
    check(
        &[("f", "a\nb")],
        "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n",
        &["-p1"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "a\nc")],
    );
    // context diff without one
    check(
        &[("f", "a\nb")],
        "*** a/f\n--- b/f\n***************\n*** 1,2 ****\n  a\n! b\n\\ No newline at end of file\n--- 1,2 ----\n  a\n! c\n\\ No newline at end of file\n",
        &["-p1"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "a\nc")],
    );
}

#[test]
fn offsets() {
    // offset
    check(
        &[("f", "x\ny\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1"],
        true,
        "patching file f\nHunk #1 succeeded at 4 (offset 2 lines).\nHunk #2 succeeded at 20 (offset 2 lines).\n",
        "",
        0,
        &[("f", "x\ny\n1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", "x\ny\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
    );
    // negative offset
    check(
        &[("f", "3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1"],
        true,
        "patching file f\nHunk #1 FAILED at 2.\nHunk #2 succeeded at 16 (offset -2 lines).\n1 out of 2 hunks FAILED -- saving rejects to file f.rej\n",
        "",
        1,
        &[("f", "3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", "3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n"), ("f.rej", "--- f\n+++ f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n")],
    );
    // context offset
    check(
        &[("f", "x\ny\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "*** a/f\n--- b/f\n***************\n*** 2,8 ****\n  2\n  3\n  4\n! 5\n  6\n  7\n  8\n--- 2,8 ----\n  2\n  3\n  4\n! five\n  6\n  7\n  8\n***************\n*** 18,28 ****\n  18\n  19\n  20\n  21\n  22\n  23\n  24\n- 25\n  26\n  27\n  28\n--- 18,29 ----\n  18\n  19\n  20\n+ extra\n+ extra2\n  21\n  22\n  23\n  24\n  26\n  27\n  28\n",
        &["-p1"],
        true,
        "patching file f\nHunk #1 succeeded at 4 (offset 2 lines).\nHunk #2 succeeded at 20 (offset 2 lines).\n",
        "",
        0,
        &[("f", "x\ny\n1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", "x\ny\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
    );
    // fuzz 1
    check(
        &[("f", "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1"],
        true,
        "patching file f\nHunk #1 succeeded at 2 with fuzz 2.\n",
        "",
        0,
        &[("f", "1\n2\nthree\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
    );
    // fuzz 2
    check(
        &[("f", "1\ntwo\n3\n4\n5\n6\n7\neight\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1"],
        true,
        "patching file f\nHunk #1 succeeded at 2 with fuzz 1.\n",
        "",
        0,
        &[("f", "1\ntwo\n3\n4\nfive\n6\n7\neight\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", "1\ntwo\n3\n4\n5\n6\n7\neight\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
    );
    // fuzz with offset
    check(
        &[("f", "x\ny\n1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1"],
        true,
        "patching file f\nHunk #1 succeeded at 4 with fuzz 2 (offset 2 lines).\nHunk #2 succeeded at 20 (offset 2 lines).\n",
        "",
        0,
        &[("f", "x\ny\n1\n2\nthree\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", "x\ny\n1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
    );
    // -F0
    check(
        &[("f", "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "-F0"],
        true,
        "patching file f\nHunk #1 FAILED at 2.\n1 out of 2 hunks FAILED -- saving rejects to file f.rej\n",
        "",
        1,
        &[("f", "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n"), ("f.rej", "--- f\n+++ f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n")],
    );
    // U0 with offset
    check(
        &[("f", "x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -5 +5 @@\n-5\n+five\n@@ -20,0 +21,2 @@\n+extra\n+extra2\n@@ -25 +26,0 @@\n-25\n",
        &["-p1"],
        true,
        "patching file f\nHunk #1 succeeded at 6 (offset 1 line).\nHunk #2 succeeded at 22 (offset 1 line).\nHunk #3 succeeded at 28 (offset 1 line).\n",
        "",
        0,
        &[("f", "x\n1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", "x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
    );
    // start-of-file hunk cannot move
    check(
        &[("f", "x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n",
        &["-p1"],
        true,
        "patching file f\nHunk #1 FAILED at 1.\n1 out of 1 hunk FAILED -- saving rejects to file f.rej\n",
        "",
        1,
        &[("f", "x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n"), ("f.orig", "x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n"), ("f.rej", "--- f\n+++ f\n@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n")],
    );
    // end-of-file hunk cannot move
    check(
        &[("f", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\nx\n")],
        "--- a/f\n+++ b/f\n@@ -27,4 +27,4 @@\n 27\n 28\n 29\n-30\n+thirty\n",
        &["-p1"],
        true,
        "patching file f\nHunk #1 FAILED at 27.\n1 out of 1 hunk FAILED -- saving rejects to file f.rej\n",
        "",
        1,
        &[("f", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\nx\n"), ("f.orig", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\nx\n"), ("f.rej", "--- f\n+++ f\n@@ -27,4 +27,4 @@\n 27\n 28\n 29\n-30\n+thirty\n")],
    );
    // normal diff offset
    check(
        &[("f", "x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "5c5\n< 5\n---\n> five\n20a21,22\n> extra\n> extra2\n25d26\n< 25\n",
        &["f"],
        true,
        "patching file f\nHunk #1 succeeded at 6 (offset 1 line).\nHunk #2 succeeded at 22 (offset 1 line).\nHunk #3 succeeded at 28 (offset 1 line).\n",
        "",
        0,
        &[("f", "x\n1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", "x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
    );
    // failure numbered after an applied hunk
    check(
        &[("o1", "top\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\nXX\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- o1\n+++ o2\n@@ -3,6 +3,8 @@\n 3\n 4\n 5\n+a\n+b\n 6\n 7\n 8\n@@ -17,7 +19,7 @@\n 17\n 18\n 19\n-20\n+twenty\n 21\n 22\n 23\n",
        &[],
        true,
        "patching file o1\nHunk #1 succeeded at 4 (offset 1 line).\nHunk #2 FAILED at 19.\n1 out of 2 hunks FAILED -- saving rejects to file o1.rej\n",
        "",
        1,
        &[("o1", "top\n1\n2\n3\n4\n5\na\nb\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\nXX\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n"), ("o1.orig", "top\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\nXX\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n"), ("o1.rej", "--- o1\n+++ o2\n@@ -19,7 +21,7 @@\n 17\n 18\n 19\n-20\n+twenty\n 21\n 22\n 23\n")],
    );
}

#[test]
fn rejects() {
    // first hunk fails
    check(
        &[("f", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1"],
        true,
        "patching file f\nHunk #1 FAILED at 2.\n1 out of 2 hunks FAILED -- saving rejects to file f.rej\n",
        "",
        1,
        &[("f", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n"), ("f.rej", "--- f\n+++ f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n")],
    );
    // second hunk fails
    check(
        &[("f", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\nXX\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1"],
        true,
        "patching file f\nHunk #2 FAILED at 18.\n1 out of 2 hunks FAILED -- saving rejects to file f.rej\n",
        "",
        1,
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\nXX\n26\n27\n28\n29\n30\n"), ("f.orig", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\nXX\n26\n27\n28\n29\n30\n"), ("f.rej", "--- f\n+++ f\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n")],
    );
    // context reject
    check(
        &[("f", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\nXX\n26\n27\n28\n29\n30\n")],
        "*** a/f\n--- b/f\n***************\n*** 2,8 ****\n  2\n  3\n  4\n! 5\n  6\n  7\n  8\n--- 2,8 ----\n  2\n  3\n  4\n! five\n  6\n  7\n  8\n***************\n*** 18,28 ****\n  18\n  19\n  20\n  21\n  22\n  23\n  24\n- 25\n  26\n  27\n  28\n--- 18,29 ----\n  18\n  19\n  20\n+ extra\n+ extra2\n  21\n  22\n  23\n  24\n  26\n  27\n  28\n",
        &["-p1"],
        true,
        "patching file f\nHunk #2 FAILED at 18.\n1 out of 2 hunks FAILED -- saving rejects to file f.rej\n",
        "",
        1,
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\nXX\n26\n27\n28\n29\n30\n"), ("f.orig", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\nXX\n26\n27\n28\n29\n30\n"), ("f.rej", "*** f\n--- f\n***************\n*** 18,28 ****\n  18\n  19\n  20\n  21\n  22\n  23\n  24\n- 25\n  26\n  27\n  28\n--- 18,29 ----\n  18\n  19\n  20\n+ extra\n+ extra2\n  21\n  22\n  23\n  24\n  26\n  27\n  28\n")],
    );
    // all fail
    check(
        &[("f", "zzz\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1"],
        true,
        "patching file f\nHunk #1 FAILED at 2.\nHunk #2 FAILED at 18.\n2 out of 2 hunks FAILED -- saving rejects to file f.rej\n",
        "",
        1,
        &[("f", "zzz\n"), ("f.orig", "zzz\n"), ("f.rej", "--- f\n+++ f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n")],
    );
    // dry run reports, writes nothing
    check(
        &[("f", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "--dry-run"],
        true,
        "checking file f\nHunk #1 FAILED at 2.\n1 out of 2 hunks FAILED\n",
        "",
        1,
        &[("f", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
    );
    // -s still reports the count
    check(
        &[("f", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "-s"],
        true,
        "1 out of 2 hunks FAILED -- saving rejects to file f.rej\n",
        "",
        1,
        &[("f", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n"), ("f.rej", "--- f\n+++ f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n")],
    );
    // -o names the reject file
    check(
        &[("f", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "-o", "out"],
        true,
        "patching file out (read from f)\nHunk #1 FAILED at 2.\n1 out of 2 hunks FAILED -- saving rejects to file out.rej\n",
        "",
        1,
        &[("f", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n"), ("out", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("out.rej", "--- f\n+++ f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n")],
    );
    // not a regular file
    check(
        &[("f/x", "a\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1"],
        true,
        "File f is not a regular file -- refusing to patch\n2 out of 2 hunks ignored -- saving rejects to file f.rej\n",
        "",
        1,
        &[("f.rej", "--- f\n+++ f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n"), ("f/x", "a\n")],
    );
}

#[test]
fn reversed() {
    // asked, no terminal: skipped
    check(
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1"],
        true,
        "patching file f\nReversed (or previously applied) patch detected!  Assume -R? [n] \nApply anyway? [n] \nSkipping patch.\n2 out of 2 hunks ignored -- saving rejects to file f.rej\n",
        "",
        1,
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.rej", "--- f\n+++ f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n")],
    );
    // -t assumes -R
    check(
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "-t"],
        true,
        "patching file f\nReversed (or previously applied) patch detected!  Assuming -R.\n",
        "",
        0,
        &[("f", ORIG), ("f.orig", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n")],
    );
    // -N skips
    check(
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "-N"],
        true,
        "patching file f\nReversed (or previously applied) patch detected!  Skipping patch.\n2 out of 2 hunks ignored -- saving rejects to file f.rej\n",
        "",
        1,
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.rej", "--- f\n+++ f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n")],
    );
    // -f applies anyway
    check(
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "-f"],
        true,
        "patching file f\nHunk #1 FAILED at 2.\nHunk #2 FAILED at 18.\n2 out of 2 hunks FAILED -- saving rejects to file f.rej\n",
        "",
        1,
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.rej", "--- f\n+++ f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n")],
    );
    // -R
    check(
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "-R"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", ORIG)],
    );
    // -R on an unpatched file
    check(
        &[("f", ORIG)],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "-R"],
        true,
        "patching file f\nUnreversed patch detected!  Ignore -R? [n] \nApply anyway? [n] \nSkipping patch.\n2 out of 2 hunks ignored -- saving rejects to file f.rej\n",
        "",
        1,
        &[("f", ORIG), ("f.rej", "--- f\n+++ f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-five\n+5\n 6\n 7\n 8\n@@ -18,12 +18,11 @@\n 18\n 19\n 20\n-extra\n-extra2\n 21\n 22\n 23\n 24\n+25\n 26\n 27\n 28\n")],
    );
    // -R -t ignores -R
    check(
        &[("f", ORIG)],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "-R", "-t"],
        true,
        "patching file f\nUnreversed patch detected!  Ignoring -R.\n",
        "",
        0,
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", ORIG)],
    );
}

#[test]
fn backups() {
    // -b
    check(
        &[("f", ORIG)],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "-b"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", ORIG)],
    );
    // -b -z
    check(
        &[("f", ORIG)],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "-b", "-z", ".bak"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.bak", ORIG)],
    );
    // --suffix alone makes no backup
    check(
        &[("f", ORIG)],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "--suffix=.x"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n")],
    );
    // -B with a mismatch
    check(
        &[("f", "x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "-B", "old-"],
        true,
        "patching file f\nHunk #1 succeeded at 3 (offset 1 line).\nHunk #2 succeeded at 19 (offset 1 line).\n",
        "",
        0,
        &[("f", "x\n1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("old-f", "x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
    );
    // mismatch makes .orig
    check(
        &[("f", "x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1"],
        true,
        "patching file f\nHunk #1 succeeded at 3 (offset 1 line).\nHunk #2 succeeded at 19 (offset 1 line).\n",
        "",
        0,
        &[("f", "x\n1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", "x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
    );
}

#[test]
fn create() {
    // from /dev/null
    check(
        &[],
        "--- /dev/null\n+++ b/newf\n@@ -0,0 +1,2 @@\n+hello\n+world\n",
        &["-p1"],
        true,
        "patching file newf\n",
        "",
        0,
        &[("newf", "hello\nworld\n")],
    );
    // in new directories
    check(
        &[],
        "--- /dev/null\n+++ b/sub/dir/newf\n@@ -0,0 +1 @@\n+hello\n",
        &["-p1"],
        true,
        "patching file sub/dir/newf\n",
        "",
        0,
        &[("sub/dir/newf", "hello\n")],
    );
    // epoch time stamp
    check(
        &[],
        "--- a/new\t1970-01-01 00:00:00.000000000 +0000\n+++ b/new\t2020-01-01 00:00:00.000000000 +0000\n@@ -0,0 +1 @@\n+hi\n",
        &["-p1"],
        true,
        "patching file new\n",
        "",
        0,
        &[("new", "hi\n")],
    );
    // context diff
    check(
        &[],
        "*** /dev/null\n--- b/n\n***************\n*** 0 ****\n--- 1,2 ----\n+ a\n+ b\n",
        &["-p1"],
        true,
        "patching file n\n",
        "",
        0,
        &[("n", "a\nb\n")],
    );
    // exists: asked
    check(
        &[("newf", "x\n")],
        "--- /dev/null\n+++ b/newf\n@@ -0,0 +1 @@\n+hello\n",
        &["-p1"],
        true,
        "The next patch would create the file newf,\nwhich already exists!  Assume -R? [n] \nApply anyway? [n] \nSkipping patch.\n1 out of 1 hunk ignored\n",
        "",
        1,
        &[("newf", "x\n")],
    );
    // exists: -N
    check(
        &[("newf", "x\n")],
        "--- /dev/null\n+++ b/newf\n@@ -0,0 +1 @@\n+hello\n",
        &["-p1", "-N"],
        true,
        "The next patch would create the file newf,\nwhich already exists!  Skipping patch.\n1 out of 1 hunk ignored\n",
        "",
        1,
        &[("newf", "x\n")],
    );
    // exists with the content: -t reverses
    check(
        &[("newf", "hello\n")],
        "--- /dev/null\n+++ b/newf\n@@ -0,0 +1 @@\n+hello\n",
        &["-p1", "-t"],
        true,
        "The next patch would create the file newf,\nwhich already exists!  Assuming -R.\npatching file newf\n",
        "",
        0,
        &[],
    );
    // exists empty
    check(
        &[("newf", "")],
        "--- /dev/null\n+++ b/newf\n@@ -0,0 +1 @@\n+hello\n",
        &["-p1"],
        true,
        "patching file newf\n",
        "",
        0,
        &[("newf", "hello\n")],
    );
    // -R of a creation deletes
    check(
        &[("newf", "hello\n")],
        "--- /dev/null\n+++ b/newf\n@@ -0,0 +1 @@\n+hello\n",
        &["-p1", "-R"],
        true,
        "patching file newf\n",
        "",
        0,
        &[],
    );
}

#[test]
fn delete() {
    // to /dev/null
    check(
        &[("gone", "a\nb\n")],
        "--- a/gone\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n",
        &["-p1"],
        true,
        "patching file gone\n",
        "",
        0,
        &[],
    );
    // with -b
    check(
        &[("gone", "a\nb\n")],
        "--- a/gone\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n",
        &["-p1", "-b"],
        true,
        "patching file gone\n",
        "",
        0,
        &[("gone.orig", "a\nb\n")],
    );
    // epoch time stamp
    check(
        &[("old", "hi\n")],
        "--- a/old\t2020-01-01 00:00:00.000000000 +0000\n+++ b/old\t1970-01-01 00:00:00.000000000 +0000\n@@ -1 +0,0 @@\n-hi\n",
        &["-p1"],
        true,
        "patching file old\n",
        "",
        0,
        &[],
    );
    // missing: asked
    check(
        &[],
        "--- a/gone\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-a\n-b\n",
        &["-p1"],
        true,
        "The next patch would delete the file gone,\nwhich does not exist!  Assume -R? [n] \nApply anyway? [n] \nSkipping patch.\n1 out of 1 hunk ignored\n",
        "",
        1,
        &[],
    );
    // -E removes an emptied file
    check(
        &[("f", "a\n")],
        "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-a\n",
        &["-p1", "-E"],
        true,
        "patching file f\n",
        "",
        0,
        &[],
    );
    // without -E it stays, empty
    check(
        &[("f", "a\n")],
        "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-a\n",
        &["-p1"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "")],
    );
}

#[test]
fn names() {
    // -p0 keeps the directories
    check(
        &[("f", ORIG)],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p0"],
        true,
        "can't find file to patch at input line 3\nPerhaps you used the wrong -p or --strip option?\nThe text leading up to this was:\n--------------------------\n|--- a/f\n|+++ b/f\n--------------------------\nFile to patch: \nSkip this patch? [y] \nSkipping patch.\n2 out of 2 hunks ignored\n",
        "",
        1,
        &[("f", ORIG)],
    );
    // -p1 with a missing file, asked
    check(
        &[("x", "a\n")],
        "--- a/y\n+++ b/y\n@@ -1 +1 @@\n-a\n+b\n",
        &["-p1"],
        true,
        "can't find file to patch at input line 3\nPerhaps you used the wrong -p or --strip option?\nThe text leading up to this was:\n--------------------------\n|--- a/y\n|+++ b/y\n--------------------------\nFile to patch: \nSkip this patch? [y] \nSkipping patch.\n1 out of 1 hunk ignored\n",
        "",
        1,
        &[("x", "a\n")],
    );
    // -s when the file is missing
    check(
        &[("x", "a\n")],
        "--- a/y\n+++ b/y\n@@ -1 +1 @@\n-a\n+b\n",
        &["-p1", "-s"],
        true,
        "The text leading up to this was:\n--------------------------\n|--- a/y\n|+++ b/y\n--------------------------\nFile to patch: \nSkip this patch? [y] \n1 out of 1 hunk ignored\n",
        "",
        1,
        &[("x", "a\n")],
    );
    // -f when the file is missing
    check(
        &[("x", "a\n")],
        "--- a/y\n+++ b/y\n@@ -1 +1 @@\n-a\n+b\n",
        &["-p1", "-f"],
        true,
        "can't find file to patch at input line 3\nPerhaps you used the wrong -p or --strip option?\nThe text leading up to this was:\n--------------------------\n|--- a/y\n|+++ b/y\n--------------------------\nNo file to patch.  Skipping patch.\n1 out of 1 hunk ignored\n",
        "",
        1,
        &[("x", "a\n")],
    );
    // -t when the file is missing
    check(
        &[("x", "a\n")],
        "--- a/y\n+++ b/y\n@@ -1 +1 @@\n-a\n+b\n",
        &["-p1", "-t"],
        true,
        "can't find file to patch at input line 3\nPerhaps you used the wrong -p or --strip option?\nThe text leading up to this was:\n--------------------------\n|--- a/y\n|+++ b/y\n--------------------------\nNo file to patch.  Skipping patch.\n1 out of 1 hunk ignored\n",
        "",
        1,
        &[("x", "a\n")],
    );
    // unquoted names end at a space
    check(
        &[("s p", "a\n")],
        "--- a/s p\n+++ b/s p\n@@ -1 +1 @@\n-a\n+b\n",
        &["-p1"],
        true,
        "can't find file to patch at input line 3\nPerhaps you used the wrong -p or --strip option?\nThe text leading up to this was:\n--------------------------\n|--- a/s p\n|+++ b/s p\n--------------------------\nFile to patch: \nSkip this patch? [y] \nSkipping patch.\n1 out of 1 hunk ignored\n",
        "",
        1,
        &[("s p", "a\n")],
    );
    // absolute name missing
    check(
        &[("f", ORIG)],
        "--- /nonexistent/oxbox-abs\n+++ /nonexistent/oxbox-abs\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p0"],
        true,
        "can't find file to patch at input line 3\nPerhaps you used the wrong -p or --strip option?\nThe text leading up to this was:\n--------------------------\n|--- /nonexistent/oxbox-abs\n|+++ /nonexistent/oxbox-abs\n--------------------------\nFile to patch: \nSkip this patch? [y] \nSkipping patch.\n2 out of 2 hunks ignored\n",
        "",
        1,
        &[("f", ORIG)],
    );
    // dotdot refused
    check(
        &[("f", ORIG)],
        "--- a/../f\n+++ b/../f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1"],
        true,
        "can't find file to patch at input line 3\nPerhaps you used the wrong -p or --strip option?\nThe text leading up to this was:\n--------------------------\n|--- a/../f\n|+++ b/../f\n--------------------------\nFile to patch: \nSkip this patch? [y] \nSkipping patch.\n2 out of 2 hunks ignored\n",
        "",
        1,
        &[("f", ORIG)],
    );
}

#[test]
fn errors() {
    // garbage
    check(
        &[("f", ORIG)],
        "hello\nworld\n",
        &[],
        true,
        "",
        "patch: **** Only garbage was found in the patch input.\n",
        2,
        &[("f", ORIG)],
    );
    // malformed
    check(
        &[("f", ORIG)],
        "--- f\n+++ f\n@@ -1,3 +1,3 @@\n 1\n-2\nzzz\n",
        &[],
        true,
        "patching file f\n",
        "patch: **** malformed patch at line 6: zzz\n\n",
        2,
        &[("f", ORIG)],
    );
    // missing patch file
    check(
        &[("f", ORIG)],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-i", "nope"],
        false,
        "",
        "patch: **** Can't open patch file nope : No such file or directory\n",
        2,
        &[("f", ORIG)],
    );
}

#[cfg(feature = "diff")]
#[test]
fn round_trips() {
    // diff -Nur then patch -p1 turns one tree into the other: changed
    // files, a new file, a deleted file, no final newlines, odd names.
    let t = TempDir::new();
    let put = |name: &str, text: &[u8]| {
        let p = t.join(name);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    };
    put("a/f", ORIG.as_bytes());
    put(
        "b/f",
        ORIG.replace("\n7\n", "\nseven\n")
            .replace("\n29\n", "\n")
            .as_bytes(),
    );
    put("a/nonl", b"x\ny");
    put("b/nonl", b"x\nz");
    put("a/gone", b"bye\n");
    put("b/sub/new file", b"hi\n");
    put("a/sub/keep", b"same\n");
    put("b/sub/keep", b"same\n");
    put("a/bin", b"\0\x01\n");
    put("b/bin", b"\0\x01\n");
    put("a/empty", b"");
    put("b/empty", b"one\n");
    for fmt in ["-Nur", "-Ncr", "-NrU0", "-NrU1"] {
        let _ = std::fs::remove_dir_all(t.join("w"));
        let d = cmd("diff").args([fmt, "a", "b"]).cwd(t.path()).run();
        d.status(1);
        let w = t.join("w");
        std::fs::create_dir_all(&w).expect("mkdir");
        for f in ["f", "nonl", "gone", "sub/keep", "bin", "empty"] {
            let p = w.join(f);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::copy(t.join("a").join(f), p).expect("copy");
        }
        detached(cmd("patch").args(["-p1", "-s"]).cwd(&w))
            .stdin(&d.stdout)
            .run()
            .ok()
            .out("");
        cmd("diff")
            .args(["-r", "w", "b"])
            .cwd(t.path())
            .run()
            .ok()
            .out("");
    }
    // And back again with -R.
    let d = cmd("diff").args(["-Nur", "a", "b"]).cwd(t.path()).run();
    detached(cmd("patch").args(["-p1", "-R", "-s"]).cwd(t.join("w")))
        .stdin(&d.stdout)
        .run()
        .ok();
    cmd("diff")
        .args(["-r", "w", "a"])
        .cwd(t.path())
        .run()
        .ok()
        .out("");
}

#[test]
fn writes_atomically_keeping_the_mode() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let t = TempDir::new();
    t.write("f", ORIG);
    std::fs::set_permissions(t.join("f"), std::fs::Permissions::from_mode(0o751)).expect("chmod");
    let before = std::fs::metadata(t.join("f")).expect("stat").ino();
    let p = "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n 1\n-2\n+two\n 3\n";
    detached(cmd("patch").args(["-p1"]).cwd(t.path()))
        .stdin(p)
        .run()
        .ok()
        .out("patching file f\n");
    let m = std::fs::metadata(t.join("f")).expect("stat");
    assert_eq!(m.permissions().mode() & 0o7777, 0o751);
    // A new inode: the result was renamed into place, and no temporary
    // file is left.
    assert_ne!(m.ino(), before);
    let names: Vec<String> = std::fs::read_dir(t.path())
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["f"]);
    // -o keeps the input's mode too (GNU makes the output 0600).
    detached(cmd("patch").args(["-p1", "-R", "-o", "out"]).cwd(t.path()))
        .stdin(p)
        .run()
        .ok()
        .out("patching file out (read from f)\n");
    let m = std::fs::metadata(t.join("out")).expect("stat");
    assert_eq!(m.permissions().mode() & 0o7777, 0o751);
    assert_eq!(std::fs::read(t.join("out")).expect("read"), ORIG.as_bytes());
}

#[test]
fn dangerous_names() {
    // A name reaching outside the directory is refused, and said so when
    // the file is there (GNU 2.7.6 says so only for absolute names).
    let t = TempDir::new();
    t.write("outside", "a\n");
    std::fs::create_dir_all(t.join("d")).expect("mkdir");
    let p = "--- a/../outside\n+++ b/../outside\n@@ -1 +1 @@\n-a\n+b\n";
    detached(cmd("patch").args(["-p1", "-d", "d", "-t"]).cwd(t.path()))
        .stdin(p)
        .run()
        .status(1)
        .err("")
        .out(
            "Ignoring potentially dangerous file name ../outside\n\
             can't find file to patch at input line 3\n\
             Perhaps you used the wrong -p or --strip option?\n\
             The text leading up to this was:\n\
             --------------------------\n\
             |--- a/../outside\n|+++ b/../outside\n\
             --------------------------\n\
             No file to patch.  Skipping patch.\n1 out of 1 hunk ignored\n",
        );
    assert_eq!(std::fs::read(t.join("outside")).expect("read"), b"a\n");
    let abs = t.join("outside");
    let p = format!("--- {0}\n+++ {0}\n@@ -1 +1 @@\n-a\n+b\n", abs.display());
    let o = detached(cmd("patch").args(["-p0", "-f"]).cwd(t.join("d")))
        .stdin(p)
        .run();
    o.status(1);
    let line = format!(
        "Ignoring potentially dangerous file name {}\n",
        abs.display()
    );
    assert!(o.stdout_str().starts_with(&line), "{}", o.stdout_str());
    assert_eq!(std::fs::read(t.join("outside")).expect("read"), b"a\n");
    // Named explicitly, it is patched.
    detached(cmd("patch").args(["../outside"]).cwd(t.join("d")))
        .stdin("--- x\n+++ x\n@@ -1 +1 @@\n-a\n+b\n")
        .run()
        .ok()
        .out("patching file ../outside\n");
    assert_eq!(std::fs::read(t.join("outside")).expect("read"), b"b\n");
}

#[test]
fn our_rejects_differ_from_gnu() {
    // A rejected line without a newline gets the `\ No newline` line
    // (GNU 2.7.6 runs the lines together).
    check(
        &[("f", "a\nb\n")],
        "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n",
        &["-p1"],
        true,
        "patching file f\nHunk #1 FAILED at 1.\n1 out of 1 hunk FAILED -- saving rejects to file f.rej\n",
        "",
        1,
        &[
            ("f", "a\nb\n"),
            ("f.orig", "a\nb\n"),
            (
                "f.rej",
                "--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n",
            ),
        ],
    );
}

#[test]
fn usage_errors() {
    detached(cmd("patch").args(["-p", "x"]))
        .stdin("")
        .run()
        .status(2)
        .err("patch: **** strip count x is not a number\n");
    detached(cmd("patch").args(["a", "b", "c"]))
        .run()
        .status(2)
        .err("patch: c: extra operand\npatch: Try 'patch --help' for more information.\n");
    detached(cmd("patch").args(["--bogus"]))
        .run()
        .status(2)
        .err_has("unrecognized option '--bogus'");
    // Output trouble is reported.
    let t = TempDir::new();
    t.write("f", "a\n");
    detached(cmd("patch").args(["f"]).cwd(t.path()))
        .stdin("--- f\n+++ f\n@@ -1 +1 @@\n-a\n+b\n")
        .stdout_full()
        .run()
        .status(2)
        .err("patch: write error: No space left on device\n");
}

#[test]
fn output_to_stdout() {
    // -o -: the result on stdout, the messages on stderr (as GNU).
    let p = "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n 1\n-2\n+two\n 3\n";
    check(
        &[("f", "0\n1\n2\n3\n")],
        p,
        &["-p1", "-o", "-"],
        true,
        "0\n1\ntwo\n3\n",
        "patching file - (read from f)\nHunk #1 succeeded at 2 (offset 1 line).\n",
        0,
        &[("f", "0\n1\n2\n3\n")],
    );
}

#[test]
fn normal_diff_rejects() {
    // As GNU lays them out (checked against GNU patch 2.7.6).
    check(
        &[("f", "zz\n")],
        "1c1\n< a\n---\n> b\n",
        &["f"],
        true,
        "patching file f\nHunk #1 FAILED at 1.\n1 out of 1 hunk FAILED -- saving rejects to file f.rej\n",
        "",
        1,
        &[
            ("f", "zz\n"),
            ("f.orig", "zz\n"),
            ("f.rej", "*** /dev/null\n--- /dev/null\n***************\n*** 1\n- a\n--- 1 -----\n+ b\n"),
        ],
    );
    check(
        &[("f", "z\n")],
        "2c2,3\n< 2\n---\n> A\n> B\n5a7\n> new\n",
        &["f"],
        true,
        "patching file f\nHunk #1 FAILED at 2.\n1 out of 2 hunks FAILED -- saving rejects to file f.rej\n",
        "",
        1,
        &[
            ("f", "z\nnew\n"),
            ("f.orig", "z\n"),
            (
                "f.rej",
                "*** /dev/null\n--- /dev/null\n***************\n*** 2\n- 2\n--- 2,3 -----\n+ A\n+ B\n",
            ),
        ],
    );
}

#[test]
fn symlink_target_refused() {
    // As GNU 2.7.6: a symbolic link is not a regular file.
    let t = TempDir::new();
    t.write("real", "a\n");
    std::os::unix::fs::symlink("real", t.join("f")).expect("symlink");
    detached(cmd("patch").args(["-p1"]).cwd(t.path()))
        .stdin("--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n+b\n")
        .run()
        .status(1)
        .err("")
        .out(
            "File f is not a regular file -- refusing to patch\n\
             1 out of 1 hunk ignored -- saving rejects to file f.rej\n",
        );
    assert_eq!(std::fs::read(t.join("real")).expect("read"), b"a\n");
    assert!(std::fs::symlink_metadata(t.join("f"))
        .expect("lstat")
        .file_type()
        .is_symlink());
    assert_eq!(
        std::fs::read(t.join("f.rej")).expect("read"),
        b"--- f\n+++ f\n@@ -1 +1 @@\n-a\n+b\n"
    );
}
#[test]
fn gnu_edge_cases() {
    // dry-run creation
    check(
        &[],
        "--- /dev/null\n+++ b/newf\n@@ -0,0 +1 @@\n+hello\n",
        &["-p1", "--dry-run"],
        true,
        "checking file newf\n",
        "",
        0,
        &[],
    );
    // dry-run deletion
    check(
        &[("gone", "a\n")],
        "--- a/gone\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n",
        &["-p1", "--dry-run"],
        true,
        "checking file gone\n",
        "",
        0,
        &[("gone", "a\n")],
    );
    // silent creation
    check(
        &[],
        "--- /dev/null\n+++ b/newf\n@@ -0,0 +1 @@\n+hello\n",
        &["-p1", "-s"],
        true,
        "",
        "",
        0,
        &[("newf", "hello\n")],
    );
    // -d with a creation
    check(
        &[("d/x", "")],
        "--- /dev/null\n+++ b/sub/newf\n@@ -0,0 +1 @@\n+hello\n",
        &["-d", "d", "-p1"],
        true,
        "patching file sub/newf\n",
        "",
        0,
        &[("d/sub/newf", "hello\n"), ("d/x", "")],
    );
    // -R context diff
    check(
        &[("f", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n")],
        "*** a/f\n--- b/f\n***************\n*** 2,8 ****\n  2\n  3\n  4\n! 5\n  6\n  7\n  8\n--- 2,8 ----\n  2\n  3\n  4\n! five\n  6\n  7\n  8\n***************\n*** 18,28 ****\n  18\n  19\n  20\n  21\n  22\n  23\n  24\n- 25\n  26\n  27\n  28\n--- 18,29 ----\n  18\n  19\n  20\n+ extra\n+ extra2\n  21\n  22\n  23\n  24\n  26\n  27\n  28\n",
        &["-p1", "-R"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", ORIG)],
    );
    // fuzz 3 with -F3
    check(
        &[("f", "1\ntwo\nthree\n4\n5\n6\n7\neight\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1", "-F3"],
        true,
        "patching file f\nHunk #1 succeeded at 2 with fuzz 2.\n",
        "",
        0,
        &[("f", "1\ntwo\nthree\n4\nfive\n6\n7\neight\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", "1\ntwo\nthree\n4\n5\n6\n7\neight\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
    );
    // fuzz 3 needs -F3
    check(
        &[("f", "1\ntwo\nthree\n4\n5\n6\n7\neight\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
        "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -18,11 +18,12 @@\n 18\n 19\n 20\n+extra\n+extra2\n 21\n 22\n 23\n 24\n-25\n 26\n 27\n 28\n",
        &["-p1"],
        true,
        "patching file f\nHunk #1 succeeded at 2 with fuzz 2.\n",
        "",
        0,
        &[("f", "1\ntwo\nthree\n4\nfive\n6\n7\neight\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\nextra\nextra2\n21\n22\n23\n24\n26\n27\n28\n29\n30\n"), ("f.orig", "1\ntwo\nthree\n4\n5\n6\n7\neight\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n")],
    );
    // creation over a file, -t reverses and fails
    check(
        &[("newf", "x\n")],
        "--- /dev/null\n+++ b/newf\n@@ -0,0 +1 @@\n+hello\n",
        &["-p1", "-t"],
        true,
        "The next patch would create the file newf,\nwhich already exists!  Assuming -R.\npatching file newf\nHunk #1 FAILED at 1.\nNot deleting file newf as content differs from patch\n1 out of 1 hunk FAILED -- saving rejects to file newf.rej\n",
        "",
        1,
        &[("newf", "x\n"), ("newf.orig", "x\n"), ("newf.rej", "--- newf\n+++ /dev/null\n@@ -1 +0,0 @@\n-hello\n")],
    );
    // creation over a file, -f fails
    check(
        &[("newf", "x\n")],
        "--- /dev/null\n+++ b/newf\n@@ -0,0 +1 @@\n+hello\n",
        &["-p1", "-f"],
        true,
        "The next patch would create the file newf,\nwhich already exists!  Applying it anyway.\npatching file newf\nHunk #1 FAILED at 1.\n1 out of 1 hunk FAILED -- saving rejects to file newf.rej\n",
        "",
        1,
        &[("newf", "x\n"), ("newf.orig", "x\n"), ("newf.rej", "--- /dev/null\n+++ newf\n@@ -0,0 +1 @@\n+hello\n")],
    );
    // deletion leaving lines
    check(
        &[("gone", "a\nb\n")],
        "--- a/gone\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n",
        &["-p1"],
        true,
        "patching file gone\nNot deleting file gone as content differs from patch\n",
        "",
        1,
        &[("gone", "b\n")],
    );
}

/// A git diff: a rename with a change, a copy, a deletion, a mode change
/// and a new file (made by `git diff -M -C --find-copies-harder`).
const GIT: &str = "diff --git a/a b/a2\nsimilarity index 71%\nrename from a\nrename to a2\nindex 4cb29ea..ddc897f 100644\n--- a/a\n+++ b/a2\n@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\ndiff --git a/c b/c3\nsimilarity index 100%\ncopy from c\ncopy to c3\ndiff --git a/d b/d\ndeleted file mode 100644\nindex 2fa992c..0000000\n--- a/d\n+++ /dev/null\n@@ -1 +0,0 @@\n-keep\ndiff --git a/m b/m\nold mode 100644\nnew mode 100755\ndiff --git a/n b/n\nnew file mode 100644\nindex 0000000..3e75765\n--- /dev/null\n+++ b/n\n@@ -0,0 +1 @@\n+new\n";

const GIT_TREE: &[(&str, &str)] = &[
    ("a", "one\ntwo\nthree\n"),
    ("c", "c1\nc2\n"),
    ("d", "keep\n"),
    ("m", "x\n"),
];

const GIT_DONE: &[(&str, &str)] = &[
    ("a2", "one\nTWO\nthree\n"),
    ("c", "c1\nc2\n"),
    ("c3", "c1\nc2\n"),
    ("m", "x\n"),
    ("n", "new\n"),
];

const GIT_OUT: &str = "patching file a2 (renamed from a)\npatching file c3 (copied from c)\npatching file d\npatching file m\npatching file n\n";

#[test]
fn git_diffs() {
    check(GIT_TREE, GIT, &["-p1"], true, GIT_OUT, "", 0, GIT_DONE);
    check(
        GIT_TREE,
        GIT,
        &["-p1", "--dry-run"],
        true,
        &GIT_OUT.replace("patching", "checking"),
        "",
        0,
        GIT_TREE,
    );
    // Undone: the rename goes back, the copy stays, d comes back.
    check(
        GIT_DONE,
        GIT,
        &["-p1", "-R"],
        true,
        "patching file a (renamed from a2)\npatching file c\npatching file d\npatching file m\npatching file n\n",
        "",
        0,
        &[("a", "one\ntwo\nthree\n"), ("c", "c1\nc2\n"), ("c3", "c1\nc2\n"), ("d", "keep\n"), ("m", "x\n")],
    );
    // -b: the renamed file is the old name's backup; files that were not
    // there get empty backups.
    check(
        GIT_TREE,
        GIT,
        &["-p1", "-b", "-z", ".bak"],
        true,
        GIT_OUT,
        "",
        0,
        &[
            ("a.bak", "one\ntwo\nthree\n"),
            ("a2", "one\nTWO\nthree\n"),
            ("a2.bak", ""),
            ("c", "c1\nc2\n"),
            ("c3", "c1\nc2\n"),
            ("c3.bak", ""),
            ("d.bak", "keep\n"),
            ("m", "x\n"),
            ("m.bak", "x\n"),
            ("n", "new\n"),
            ("n.bak", ""),
        ],
    );
    // Neither name there: the rename is skipped, the rest applies.
    check(
        &[("c", "c1\nc2\n"), ("d", "keep\n"), ("m", "x\n")],
        GIT,
        &["-p1"],
        true,
        "Cannot rename file without two valid file names\n1 out of 1 hunk ignored\npatching file c3 (copied from c)\npatching file d\npatching file m\npatching file n\n",
        "",
        1,
        &[("c", "c1\nc2\n"), ("c3", "c1\nc2\n"), ("m", "x\n"), ("n", "new\n")],
    );
    // Renamed already: the new name is patched where it is.
    check(
        &[("a2", "one\ntwo\nthree\n"), ("c", "c1\nc2\n"), ("d", "keep\n"), ("m", "x\n")],
        GIT,
        &["-p1"],
        true,
        "patching file a2 (already renamed from a)\npatching file c3 (copied from c)\npatching file d\npatching file m\npatching file n\n",
        "",
        0,
        GIT_DONE,
    );
}

#[test]
fn git_modes() {
    use std::os::unix::fs::PermissionsExt;
    let t = TempDir::new();
    for (n, c) in GIT_TREE {
        t.write(n, c);
    }
    detached(cmd("patch").args(["-p1"]).cwd(t.path()).stdin(GIT))
        .run()
        .status(0)
        .err("")
        .out(GIT_OUT);
    let mode = |n: &str| {
        std::fs::metadata(t.join(n))
            .expect("stat")
            .permissions()
            .mode()
            & 0o7777
    };
    assert_eq!(mode("m"), 0o755);
    assert_eq!(mode("n"), 0o644);
    detached(cmd("patch").args(["-p1", "-R"]).cwd(t.path()).stdin(GIT))
        .run()
        .status(0)
        .err("");
    assert_eq!(mode("m"), 0o644);
    assert_eq!(mode("d"), 0o644);
    // A mode change alone, with a new file of mode 755.
    let p = "diff --git a/m b/m\nold mode 100644\nnew mode 100700\ndiff --git a/x b/x\nnew file mode 100755\nindex 0000000..3e75765\n--- /dev/null\n+++ b/x\n@@ -0,0 +1 @@\n+new\n";
    detached(cmd("patch").args(["-p1"]).cwd(t.path()).stdin(p))
        .run()
        .status(0)
        .err("")
        .out("patching file m\npatching file x\n");
    assert_eq!(mode("m"), 0o700);
    assert_eq!(mode("x"), 0o755);
}

#[test]
fn ignore_whitespace() {
    let p = "--- f\n+++ f\n@@ -1,5 +1,5 @@\n 1\n 2 x\n 3\n-4\n+four\n 5\n";
    let f = "1\n2  x\n3\n4\n5\n";
    // The context line's blanks differ: -l matches it exactly, keeping the
    // file's own blanks; without -l it takes fuzz.
    check(
        &[("f", f)],
        p,
        &["-l"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "1\n2  x\n3\nfour\n5\n")],
    );
    check(
        &[("f", f)],
        p,
        &["--ignore-whitespace", "-F0"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "1\n2  x\n3\nfour\n5\n")],
    );
    check(
        &[("f", f)],
        p,
        &[],
        true,
        "patching file f\nHunk #1 succeeded at 1 with fuzz 2.\n",
        "",
        0,
        &[("f", "1\n2  x\n3\nfour\n5\n"), ("f.orig", f)],
    );
    // Blanks must be there on both sides; trailing ones do not count.
    let p = "--- f\n+++ f\n@@ -1,5 +1,5 @@\n 1\n 2\tx  \n 3\n-4\n+four\n 5\n";
    check(
        &[("f", "1\n2 x\n3\n4\n5\n")],
        p,
        &["-l", "-F0"],
        true,
        "patching file f\n",
        "",
        0,
        &[("f", "1\n2 x\n3\nfour\n5\n")],
    );
    check(
        &[("f", "1\n2x\n3\n4\n5\n")],
        p,
        &["-l", "-F0"],
        true,
        "patching file f\nHunk #1 FAILED at 1.\n1 out of 1 hunk FAILED -- saving rejects to file f.rej\n",
        "",
        1,
        &[("f", "1\n2x\n3\n4\n5\n"), ("f.orig", "1\n2x\n3\n4\n5\n"), ("f.rej", p)],
    );
}

#[test]
fn reject_file() {
    let p = "--- f\n+++ f\n@@ -1,3 +1,3 @@\n 9\n-8\n+7\n 6\n--- g\n+++ g\n@@ -1,2 +1,2 @@\n-q\n+r\n z\n";
    let failed = |to: &str| {
        format!(
            "patching file f\nHunk #1 FAILED at 1.\n1 out of 1 hunk FAILED{to}\npatching file g\nHunk #1 FAILED at 1.\n1 out of 1 hunk FAILED{to}\n"
        )
    };
    // Every file's rejects go to the one file, replacing what was there.
    check(
        &[("f", "1\n"), ("g", "2\n"), ("R", "old\n")],
        p,
        &["-r", "R"],
        true,
        &failed(" -- saving rejects to file R"),
        "",
        1,
        &[
            ("R", p),
            ("f", "1\n"),
            ("f.orig", "1\n"),
            ("g", "2\n"),
            ("g.orig", "2\n"),
        ],
    );
    // -: none.
    check(
        &[("f", "1\n"), ("g", "2\n")],
        p,
        &["--reject-file=-"],
        true,
        &failed(""),
        "",
        1,
        &[
            ("f", "1\n"),
            ("f.orig", "1\n"),
            ("g", "2\n"),
            ("g.orig", "2\n"),
        ],
    );
}

#[test]
fn backup_if_mismatch() {
    let p = "--- f\n+++ f\n@@ -1,5 +1,5 @@\n 1\n 2 x\n 3\n-4\n+four\n 5\n";
    let f = "1\n2  x\n3\n4\n5\n";
    let out = "patching file f\nHunk #1 succeeded at 1 with fuzz 2.\n";
    check(
        &[("f", f)],
        p,
        &["--no-backup-if-mismatch"],
        true,
        out,
        "",
        0,
        &[("f", "1\n2  x\n3\nfour\n5\n")],
    );
    check(
        &[("f", f)],
        p,
        &["--no-backup-if-mismatch", "--backup-if-mismatch"],
        true,
        out,
        "",
        0,
        &[("f", "1\n2  x\n3\nfour\n5\n"), ("f.orig", f)],
    );
    // A failed hunk leaves the file as it was, the hunk in the reject.
    check(
        &[("f", "x\n")],
        p,
        &["--no-backup-if-mismatch"],
        true,
        "patching file f\nHunk #1 FAILED at 1.\n1 out of 1 hunk FAILED -- saving rejects to file f.rej\n",
        "",
        1,
        &[("f", "x\n"), ("f.rej", p)],
    );
}

#[test]
fn merge_is_unsupported() {
    let p = "--- f\n+++ f\n@@ -1 +1 @@\n-a\n+b\n";
    check(
        &[("f", "c\n")],
        p,
        &["--merge"],
        true,
        "",
        "patch: **** unsupported option '--merge'\n",
        2,
        &[("f", "c\n")],
    );
}

#[test]
fn version_control() {
    let p = "--- f\n+++ f\n@@ -1,5 +1,5 @@\n 1\n 2 x\n 3\n-4\n+four\n 5\n";
    let f = "1\n2  x\n3\n4\n5\n";
    let new = "1\n2  x\n3\nfour\n5\n";
    let out = "patching file f\nHunk #1 succeeded at 1 with fuzz 2.\n";
    for how in ["numbered", "t", "none", "off"] {
        check(
            &[("f", f)],
            p,
            &["-b", "-V", how],
            true,
            out,
            "",
            0,
            &[("f", new), ("f.~1~", f)],
        );
    }
    for how in ["simple", "never", "existing", "nil"] {
        check(
            &[("f", f)],
            p,
            &["-b", "-V", how],
            true,
            out,
            "",
            0,
            &[("f", new), ("f.orig", f)],
        );
    }
    // Numbered: one past the highest; existing (the default) numbers only
    // when there are numbered backups.
    for args in [
        &["-b", "--version-control=numbered"][..],
        &["-b", "-V", "existing"][..],
        &["-b"][..],
    ] {
        check(
            &[("f", f), ("f.~3~", "o\n")],
            p,
            args,
            true,
            out,
            "",
            0,
            &[("f", new), ("f.~3~", "o\n"), ("f.~4~", f)],
        );
    }
    check(
        &[("f", f), ("f.~3~", "o\n")],
        p,
        &["-b", "-V", "simple"],
        true,
        out,
        "",
        0,
        &[("f", new), ("f.orig", f), ("f.~3~", "o\n")],
    );
    // -z makes them simple.
    check(
        &[("f", f)],
        p,
        &["-b", "-V", "numbered", "-z", ".x"],
        true,
        out,
        "",
        0,
        &[("f", new), ("f.x", f)],
    );
    check(
        &[("f", f)],
        p,
        &["-b", "-V", "bogus"],
        true,
        "",
        "patch: invalid argument 'bogus' for '--version-control or -V option'\nValid arguments are:\n  - 'none', 'off'\n  - 'simple', 'never'\n  - 'existing', 'nil'\n  - 'numbered', 't'\n",
        2,
        &[("f", f)],
    );
}

#[test]
fn version_control_environment() {
    let p = "--- f\n+++ f\n@@ -1 +1 @@\n-a\n+b\n";
    let run = |env: &[(&str, &str)], args: &[&str], backup: &str| {
        let t = TempDir::new();
        t.write("f", "a\n");
        let mut c = cmd("patch").args(args).cwd(t.path()).stdin(p);
        for (k, v) in env {
            c = c.env(k, v);
        }
        detached(c).run().status(0).err("").out("patching file f\n");
        assert_eq!(std::fs::read(t.join(backup)).expect("backup"), b"a\n");
    };
    run(&[("VERSION_CONTROL", "numbered")], &["-b"], "f.~1~");
    run(
        &[
            ("PATCH_VERSION_CONTROL", "numbered"),
            ("VERSION_CONTROL", "simple"),
        ],
        &["-b"],
        "f.~1~",
    );
    run(
        &[("VERSION_CONTROL", "numbered")],
        &["-b", "-V", "simple"],
        "f.orig",
    );
}

#[test]
fn git_without_hunks() {
    // Empty files made and removed by their extended headers alone.
    let p = "diff --git a/e b/e\nnew file mode 100644\nindex 0000000..e69de29\ndiff --git a/z b/z\ndeleted file mode 100644\nindex e69de29..0000000\n";
    check(
        &[("z", "")],
        p,
        &[],
        true,
        "patching file e\npatching file z\n",
        "",
        0,
        &[("e", "")],
    );
    check(
        &[("z", "")],
        p,
        &["--dry-run"],
        true,
        "checking file e\nchecking file z\n",
        "",
        0,
        &[("z", "")],
    );
    // Quoted names, and GNU's quoting of the name in the message (the
    // tab stays raw).
    let p = "diff --git \"a/q\\tr\" \"b/q\\tr\"\nold mode 100644\nnew mode 100755\n";
    check(
        &[("q\tr", "x\n")],
        p,
        &["-p1"],
        true,
        "patching file 'q\tr'\n",
        "",
        0,
        &[("q\tr", "x\n")],
    );
}

#[test]
fn message_quoting() {
    for (name, shown) in [
        ("it's", "\"it's\""),
        ("a$b", "'a$b'"),
        ("a\u{e9}", "a\u{e9}"),
    ] {
        let p = format!("--- {name}\n+++ {name}\n@@ -1 +1 @@\n-x\n+y\n");
        check(
            &[(name, "x\n")],
            &p,
            &[],
            true,
            &format!("patching file {shown}\n"),
            "",
            0,
            &[(name, "y\n")],
        );
    }
}
