//! split: lines, bytes, line-bytes, every -n form, suffix kinds and
//! lengths (growing ones too), and errors, as GNU.

use crate::common::*;
use std::fs;

fn files(t: &TempDir) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = fs::read_dir(t.path())
        .expect("ls")
        .map(|e| {
            let e = e.expect("entry");
            let name = e.file_name().to_string_lossy().into_owned();
            let body = String::from_utf8_lossy(&fs::read(e.path()).expect("read")).into_owned();
            (name, body)
        })
        .filter(|(n, _)| n != "in")
        .collect();
    v.sort();
    v
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const IN: &str = "a\nbb\nccc\ndddd\neeeee\nf\n";

fn split_in(args: &[&str]) -> Vec<(String, String)> {
    let t = TempDir::new();
    t.write("in", IN);
    cmd("split")
        .args(args)
        .arg("in")
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    files(&t)
}

#[test]
fn lines_and_bytes() {
    assert_eq!(
        split_in(&["-l", "2"]),
        pairs(&[
            ("xaa", "a\nbb\n"),
            ("xab", "ccc\ndddd\n"),
            ("xac", "eeeee\nf\n")
        ])
    );
    assert_eq!(
        split_in(&["-b", "10"]),
        pairs(&[
            ("xaa", "a\nbb\nccc\nd"),
            ("xab", "ddd\neeeee\n"),
            ("xac", "f\n")
        ])
    );
    assert_eq!(
        split_in(&["-C", "10"]),
        pairs(&[
            ("xaa", "a\nbb\nccc\n"),
            ("xab", "dddd\n"),
            ("xac", "eeeee\nf\n")
        ])
    );
    // A line longer than -C is cut.
    let t = TempDir::new();
    cmd("split")
        .args(["-C", "10"])
        .stdin("aaaaaaaaaaaaaaaaaaaaaaaaa\nb\n")
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(
        files(&t),
        pairs(&[
            ("xaa", "aaaaaaaaaa"),
            ("xab", "aaaaaaaaaa"),
            ("xac", "aaaaa\nb\n")
        ])
    );
    // The default is 1000 lines; no final newline stays so.
    let t = TempDir::new();
    let input: String = (1..=2500).map(|i| format!("{i}\n")).collect::<String>() + "end";
    cmd("split").stdin(input.clone()).cwd(t.path()).run().ok();
    let f = files(&t);
    assert_eq!(f.len(), 3);
    assert_eq!(f[2].1.lines().count(), 501);
    assert_eq!(f.iter().map(|(_, b)| b.as_str()).collect::<String>(), input);
}

#[test]
fn chunks() {
    assert_eq!(
        split_in(&["-n", "3"]),
        pairs(&[
            ("xaa", "a\nbb\ncc"),
            ("xab", "c\ndddd\n"),
            ("xac", "eeeee\nf\n")
        ])
    );
    assert_eq!(
        split_in(&["-n", "l/3"]),
        pairs(&[
            ("xaa", "a\nbb\nccc\n"),
            ("xab", "dddd\n"),
            ("xac", "eeeee\nf\n")
        ])
    );
    assert_eq!(
        split_in(&["-n", "l/4"]),
        pairs(&[
            ("xaa", "a\nbb\n"),
            ("xab", "ccc\ndddd\n"),
            ("xac", "eeeee\n"),
            ("xad", "f\n")
        ])
    );
    assert_eq!(
        split_in(&["-n", "r/4"]),
        pairs(&[
            ("xaa", "a\neeeee\n"),
            ("xab", "bb\nf\n"),
            ("xac", "ccc\n"),
            ("xad", "dddd\n")
        ])
    );
    let l10 = split_in(&["-n", "l/10"]);
    assert_eq!(l10.len(), 10);
    assert_eq!(l10[3], ("xad".to_string(), String::new()));
    let e10 = split_in(&["-e", "-n", "l/10"]);
    assert_eq!(e10.len(), 6);
    // K/N: one chunk, to standard output.
    let t = TempDir::new();
    t.write("in", IN);
    cmd("split")
        .args(["-n", "2/3", "in"])
        .cwd(t.path())
        .run()
        .ok()
        .out("c\ndddd\n");
    cmd("split")
        .args(["-n", "l/2/3", "in"])
        .cwd(t.path())
        .run()
        .ok()
        .out("dddd\n");
    cmd("split")
        .args(["-n", "r/2/3", "in"])
        .cwd(t.path())
        .run()
        .ok()
        .out("bb\neeeee\n");
    // From a pipe too.
    cmd("split")
        .args(["-n", "l/1/2"])
        .stdin(IN)
        .run()
        .ok()
        .out("a\nbb\nccc\ndddd\n");
}

#[test]
fn names() {
    let t = TempDir::new();
    cmd("split")
        .args([
            "-l",
            "2",
            "--verbose",
            "-d",
            "-a",
            "3",
            "--additional-suffix=.txt",
            "-",
            "pre",
        ])
        .stdin("1\n2\n3\n4\n5\n")
        .cwd(t.path())
        .run()
        .ok()
        .out(
            "creating file 'pre000.txt'\ncreating file 'pre001.txt'\ncreating file 'pre002.txt'\n",
        );
    let t = TempDir::new();
    cmd("split")
        .args(["-b", "1", "-x"])
        .stdin("x".repeat(17))
        .cwd(t.path())
        .run()
        .ok();
    let f = files(&t);
    assert_eq!(f[15].0, "x0f");
    assert_eq!(f[16].0, "x10");
    let t = TempDir::new();
    cmd("split")
        .args(["-l", "1", "--numeric-suffixes=5", "-", "c"])
        .stdin("a\nb\n")
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(files(&t), pairs(&[("c05", "a\n"), ("c06", "b\n")]));
}

#[test]
fn suffixes_grow_or_run_out() {
    let t = TempDir::new();
    let input: String = (0..700).map(|i| format!("{i}\n")).collect();
    cmd("split")
        .args(["-l", "1"])
        .stdin(input)
        .cwd(t.path())
        .run()
        .ok();
    let f = files(&t);
    assert_eq!(f.len(), 700);
    assert_eq!(f[649].0, "xyz");
    assert_eq!(f[650].0, "xzaaa");
    let t = TempDir::new();
    let input: String = (0..30).map(|i| format!("{i}\n")).collect();
    cmd("split")
        .args(["-l", "1", "-a", "1"])
        .stdin(input)
        .cwd(t.path())
        .run()
        .status(1)
        .err("split: output file suffixes exhausted\n");
    assert_eq!(files(&t).len(), 26);
}

#[test]
fn errors() {
    let t = TempDir::new();
    t.write("in", IN);
    let e = |args: &[&str], err: &str| {
        cmd("split")
            .args(args)
            .cwd(t.path())
            .run()
            .status(1)
            .err_has(err);
    };
    e(&["-l", "x", "in"], "split: invalid number of lines: 'x'\n");
    e(&["-b", "0", "in"], "split: invalid number of bytes: '0': ");
    e(&["-n", "0", "in"], "split: invalid number of chunks: '0': ");
    e(&["-n", "4/3", "in"], "split: invalid chunk number: '4'\n");
    e(&["-a", "0", "in"], "split: invalid suffix length: '0'\n");
    e(
        &["nonex"],
        "split: cannot open 'nonex' for reading: No such file or directory\n",
    );
    e(
        &["-l", "1", "-b", "2", "in"],
        "split: cannot split in more than one way\n",
    );
    e(&["a", "b", "c"], "split: extra operand 'c'\n");
    t.write("xaa", "1\n2\n");
    e(
        &["-l", "1", "xaa"],
        "split: 'xaa' would overwrite input; aborting\n",
    );
}
