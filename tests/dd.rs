//! dd: blocking, count/skip/seek, conversions, flags, statistics lines,
//! SIGUSR1, and the errors, as GNU.

use crate::common::*;
use std::os::unix::fs::MetadataExt;

/// The statistics without the time and speed.
fn stats(err: &str) -> String {
    err.lines()
        .map(|l| match l.find(" copied, ") {
            Some(i) => format!("{} copied", &l[..i]),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn copies_and_counts_records() {
    let out = cmd("dd").stdin("abcdefgh").run();
    out.status(0).out("abcdefgh");
    assert_eq!(
        stats(&out.stderr_str()),
        "0+1 records in\n0+1 records out\n8 bytes copied"
    );
    let t = TempDir::new();
    t.write("i", "abcdefgh");
    let out = cmd("dd")
        .args(["if=i", "ibs=3", "obs=2"])
        .cwd(t.path())
        .run();
    out.status(0).out("abcdefgh");
    assert_eq!(
        stats(&out.stderr_str()),
        "2+1 records in\n4+0 records out\n8 bytes copied"
    );
    let out = cmd("dd").args(["if=i", "bs=2x2"]).cwd(t.path()).run();
    assert_eq!(
        stats(&out.stderr_str()),
        "2+0 records in\n2+0 records out\n8 bytes copied"
    );
    let out = cmd("dd").args(["if=i", "bs=3"]).cwd(t.path()).run();
    assert_eq!(
        stats(&out.stderr_str()),
        "2+1 records in\n2+1 records out\n8 bytes copied"
    );
}

#[test]
fn byte_lines() {
    let line = |n: usize| -> String {
        let out = cmd("dd")
            .args(["bs=1M", "iflag=fullblock", "of=/dev/null"])
            .stdin(vec![0u8; n])
            .run();
        out.status(0);
        stats(&out.stderr_str())
            .lines()
            .last()
            .expect("line")
            .to_string()
    };
    assert_eq!(line(0), "0 bytes copied");
    assert_eq!(line(1), "1 byte copied");
    assert_eq!(line(999), "999 bytes copied");
    assert_eq!(line(1000), "1000 bytes (1.0 kB) copied");
    assert_eq!(line(1024), "1024 bytes (1.0 kB, 1.0 KiB) copied");
    assert_eq!(line(5000), "5000 bytes (5.0 kB, 4.9 KiB) copied");
    assert_eq!(line(150000), "150000 bytes (150 kB, 146 KiB) copied");
    assert_eq!(line(1 << 20), "1048576 bytes (1.0 MB, 1.0 MiB) copied");
    // The time and speed, as GNU writes them.
    let out = cmd("dd").stdin("x").run();
    let last = out.stderr_str().lines().last().expect("line").to_string();
    let rest = last.strip_prefix("1 byte copied, ").expect("prefix");
    let (secs, speed) = rest.split_once(" s, ").expect("s");
    assert!(secs.parse::<f64>().is_ok(), "{secs}");
    assert!(speed.ends_with("B/s"), "{speed}");
}

#[test]
fn count_skip_seek() {
    let t = TempDir::new();
    t.write("i", "abcdefgh");
    cmd("dd")
        .args([
            "if=i",
            "of=o",
            "bs=2",
            "seek=1",
            "skip=1",
            "count=2",
            "status=none",
        ])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(std::fs::read(t.join("o")).expect("read"), b"\0\0cdef");
    cmd("dd")
        .args([
            "if=i",
            "count=3",
            "iflag=count_bytes,skip_bytes",
            "skip=2",
            "status=none",
        ])
        .cwd(t.path())
        .run()
        .ok()
        .out("cde");
    // Skipping on a pipe reads and discards.
    cmd("dd")
        .args(["bs=1", "skip=5", "status=none"])
        .stdin("hello world")
        .run()
        .ok()
        .out(" world");
    cmd("dd")
        .args(["bs=2", "count=2", "skip=1", "status=none"])
        .stdin("hello")
        .run()
        .ok()
        .out("llo");
    // seek keeps what is before it and truncates after, unless notrunc.
    t.write("o2", "0123456789");
    cmd("dd")
        .args(["if=i", "of=o2", "bs=1", "count=2", "seek=3", "status=none"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(std::fs::read(t.join("o2")).expect("read"), b"012ab");
    t.write("o3", "0123456789");
    cmd("dd")
        .args([
            "if=i",
            "of=o3",
            "bs=1",
            "count=2",
            "seek=3",
            "conv=notrunc",
            "oflag=seek_bytes",
            "status=none",
        ])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(std::fs::read(t.join("o3")).expect("read"), b"012ab56789");
}

#[test]
fn conversions() {
    cmd("dd")
        .args(["conv=ucase", "status=none"])
        .stdin("abc\n")
        .run()
        .ok()
        .out("ABC\n");
    cmd("dd")
        .args(["conv=lcase,swab", "status=none"])
        .stdin("ABCDe")
        .run()
        .ok()
        .out("badce");
    cmd("dd")
        .args(["bs=3", "conv=sync", "status=none"])
        .stdin("abcdefgh")
        .run()
        .ok()
        .out(b"abcdefgh\0");
    let t = TempDir::new();
    t.write("x", "XYZ");
    cmd("dd")
        .args(["of=x", "bs=1", "count=1", "conv=notrunc", "status=none"])
        .stdin("a")
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(std::fs::read(t.join("x")).expect("read"), b"aYZ");
    cmd("dd")
        .args(["of=x", "conv=excl"])
        .stdin("")
        .cwd(t.path())
        .run()
        .status(1)
        .err("dd: failed to open 'x': File exists\n");
    cmd("dd")
        .args(["of=nonex", "conv=nocreat"])
        .stdin("")
        .cwd(t.path())
        .run()
        .status(1)
        .err("dd: failed to open 'nonex': No such file or directory\n");
    cmd("dd")
        .args([
            "if=/dev/zero",
            "of=sp",
            "bs=1M",
            "count=4",
            "conv=sparse,fsync",
            "status=none",
        ])
        .cwd(t.path())
        .run()
        .ok();
    let md = std::fs::metadata(t.join("sp")).expect("stat");
    assert_eq!(md.len(), 4 << 20);
    assert!(md.blocks() * 512 < 1 << 20, "sparse output");
    cmd("dd")
        .args(["of=f", "oflag=append", "status=none"])
        .stdin("1")
        .cwd(t.path())
        .run()
        .ok();
    cmd("dd")
        .args(["of=f", "oflag=append", "conv=notrunc", "status=none"])
        .stdin("2")
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(std::fs::read(t.join("f")).expect("read"), b"12");
}

#[test]
fn fullblock() {
    // Without fullblock a short read from a pipe is a partial record.
    let out = sh("(printf ab; sleep 0.2; printf cd) | dd bs=4 count=1 iflag=fullblock 2>err; cat err | head -2").run();
    out.ok();
    assert!(
        out.stdout_str().starts_with("abcd1+0 records in"),
        "{}",
        out.stdout_str()
    );
}

#[test]
fn status_levels() {
    cmd("dd")
        .arg("status=none")
        .stdin("abc")
        .run()
        .ok()
        .out("abc");
    cmd("dd")
        .arg("status=noxfer")
        .stdin("abc")
        .run()
        .status(0)
        .out("abc")
        .err("0+1 records in\n0+1 records out\n");
}

#[test]
fn usr1_prints_statistics() {
    let out = sh("dd if=/dev/zero of=/dev/null bs=1 count=100000000 2>err & p=$!; sleep 0.5; kill -USR1 $p; sleep 0.2; kill $p; wait $p; grep -c 'records in' err").run();
    assert_eq!(out.stdout_str().trim(), "1");
}

#[test]
fn errors() {
    let e = |args: &[&str], err: &str| {
        cmd("dd")
            .args(args)
            .stdin("")
            .run()
            .status(1)
            .out("")
            .err_has(err);
    };
    e(&["bs=0"], "dd: invalid number: '0'\n");
    e(&["bs=x"], "dd: invalid number: 'x'\n");
    e(&["count=-1"], "dd: invalid number: '-1'\n");
    e(&["status=foo"], "dd: invalid status level: 'foo'\n");
    e(&["foo=1"], "dd: unrecognized operand 'foo=1'\n");
    e(&["foo"], "dd: unrecognized operand 'foo'\n");
    e(&["conv=foo"], "dd: invalid conversion: 'foo'\n");
    e(&["iflag=foo"], "dd: invalid input flag: 'foo'\n");
    e(
        &["oflag=fullblock"],
        "dd: invalid output flag: 'fullblock'\n",
    );
    e(
        &["conv=ucase,lcase"],
        "dd: cannot combine lcase and ucase\n",
    );
    e(&["conv=block"], "dd: unsupported conversion: 'block'\n");
    e(
        &["if=nonex"],
        "dd: failed to open 'nonex': No such file or directory\n",
    );
    cmd("dd")
        .arg("status=none")
        .stdin("x")
        .stdout_full()
        .run()
        .status(1)
        .err("dd: error writing 'standard output': No space left on device\n");
}
