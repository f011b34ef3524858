//! truncate: sizes with every prefix and suffix, -c -r -o, and errors.

use crate::common::*;
use std::os::unix::fs::MetadataExt;

fn len(t: &TempDir, n: &str) -> u64 {
    std::fs::metadata(t.join(n)).expect("stat").len()
}

#[test]
fn sizes() {
    let t = TempDir::new();
    let s = |arg: &str| -> u64 {
        cmd("truncate")
            .args(["-s", arg, "f"])
            .cwd(t.path())
            .run()
            .ok()
            .out("");
        len(&t, "f")
    };
    assert_eq!(s("10"), 10);
    assert_eq!(s("+5K"), 10 + 5 * 1024);
    assert_eq!(s("-30"), 5130 - 30);
    assert_eq!(s("<5"), 5);
    assert_eq!(s("<100"), 5);
    assert_eq!(s(">100"), 100);
    assert_eq!(s(">7"), 100);
    assert_eq!(s("%32"), 128);
    assert_eq!(s("/50"), 100);
    assert_eq!(s("-999"), 0);
    assert_eq!(s("1KB"), 1000);
    assert_eq!(s("1M"), 1 << 20);
    assert_eq!(s("2MiB"), 2 << 20);
    assert_eq!(s("0"), 0);
}

#[test]
fn keeps_data_and_makes_holes() {
    let t = TempDir::new();
    t.write("f", "hello world");
    cmd("truncate")
        .args(["-s", "5", "f"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(std::fs::read(t.join("f")).expect("read"), b"hello");
    cmd("truncate")
        .args(["-s", "64M", "f"])
        .cwd(t.path())
        .run()
        .ok();
    let md = std::fs::metadata(t.join("f")).expect("stat");
    assert_eq!(md.len(), 64 << 20);
    assert!(md.blocks() * 512 < 1 << 20, "extension is a hole");
}

#[test]
fn reference_and_blocks() {
    let t = TempDir::new();
    t.write("r", "12345");
    cmd("truncate")
        .args(["-r", "r", "a"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(len(&t, "a"), 5);
    cmd("truncate")
        .args(["-r", "r", "-s", "+3", "b"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(len(&t, "b"), 8);
    cmd("truncate")
        .args(["-o", "-s", "2", "c"])
        .cwd(t.path())
        .run()
        .ok();
    let blk = std::fs::metadata(t.join("c")).expect("stat").blksize();
    assert_eq!(len(&t, "c"), 2 * blk);
}

#[test]
fn no_create() {
    let t = TempDir::new();
    cmd("truncate")
        .args(["-c", "-s", "1", "nonex"])
        .cwd(t.path())
        .run()
        .ok();
    assert!(!t.join("nonex").exists());
}

#[test]
fn errors() {
    let t = TempDir::new();
    let e = |args: &[&str], err: &str| {
        cmd("truncate")
            .args(args)
            .cwd(t.path())
            .run()
            .status(1)
            .out("")
            .err_has(err);
    };
    e(
        &[],
        "truncate: you must specify either '--size' or '--reference'\n",
    );
    e(
        &["f"],
        "truncate: you must specify either '--size' or '--reference'\n",
    );
    e(&["-s", "1"], "truncate: missing file operand\n");
    e(&["-s", "abc", "f"], "truncate: Invalid number: 'abc'\n");
    e(
        &["-s", "99999999999999999999", "f"],
        "truncate: Invalid number: '99999999999999999999': ",
    );
    e(&["-s", "/0", "f"], "truncate: division by zero\n");
    e(
        &["-r", "nonex", "f"],
        "truncate: cannot stat 'nonex': No such file or directory\n",
    );
    e(
        &["-s", "1", "no/x"],
        "truncate: cannot open 'no/x' for writing: No such file or directory\n",
    );
    e(
        &["-o", "-r", "f", "f"],
        "truncate: '--io-blocks' was specified but '--size' was not\n",
    );
    e(
        &["-s", "1E", "f"],
        "truncate: failed to truncate 'f' at 1152921504606846976 bytes: File too large\n",
    );
}
