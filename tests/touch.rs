//! touch: creation, -a -m -c -h, -d date strings, -t stamps, -r, errors.

use crate::common::*;
use std::fs;
use std::os::unix::fs::MetadataExt;

fn times(p: &std::path::Path) -> (i64, i64) {
    let md = fs::symlink_metadata(p).expect("stat");
    (md.atime(), md.mtime())
}

#[test]
fn creates_and_updates() {
    let t = TempDir::new();
    cmd("touch")
        .args(["a", "b c"])
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    assert_eq!(fs::read(t.join("a")).expect("read"), b"");
    assert_eq!(
        fs::metadata(t.join("a")).expect("stat").mode() & 0o777,
        0o644
    );
    let c = t.write("old", "keep");
    cmd("touch")
        .args(["-d", "@1000", "old"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(times(&c), (1000, 1000));
    cmd("touch").arg("old").cwd(t.path()).run().ok();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    assert!((times(&c).1 - now).abs() < 5);
    assert_eq!(fs::read(&c).expect("read"), b"keep");
}

#[test]
fn dates() {
    let t = TempDir::new();
    let d = |arg: &str| -> i64 {
        cmd("touch").args(["-d", arg, "f"]).cwd(t.path()).run().ok();
        times(&t.join("f")).1
    };
    // The harness runs with TZ=UTC.
    assert_eq!(d("2001-02-03 04:05:06"), 981_173_106);
    assert_eq!(d("2001-02-03T04:05:06Z"), 981_173_106);
    assert_eq!(d("2001-02-03 04:05:06 -0500"), 981_173_106 + 5 * 3600);
    assert_eq!(d("2001-02-03"), 981_158_400);
    assert_eq!(d("@981173106"), 981_173_106);
    assert_eq!(d("2001-02-03 04:05 +1 day"), 981_173_100 - 3600 + 86400);
    assert_eq!(d("2001-02-03 +1 day"), 981_158_400 + 86400);
    cmd("touch")
        .args(["-d", "@5.25", "f"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(
        fs::metadata(t.join("f")).expect("stat").mtime_nsec(),
        250_000_000
    );
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    assert!((d("1 hour ago") - (now - 3600)).abs() < 5);
    assert!((d("yesterday") - (now - 86400)).abs() < 5);
    assert!((d("+2 days") - (now + 2 * 86400)).abs() < 5);
    for bad in ["garbage", "2020-02-30", "25:00", "2001-13-01"] {
        cmd("touch")
            .args(["-d", bad, "f"])
            .cwd(t.path())
            .run()
            .status(1)
            .err(format!("touch: invalid date format '{bad}'\n"));
    }
}

#[test]
fn posix_stamps() {
    let t = TempDir::new();
    let s = |arg: &str| -> i64 {
        cmd("touch").args(["-t", arg, "f"]).cwd(t.path()).run().ok();
        times(&t.join("f")).1
    };
    assert_eq!(s("200102030405.06"), 981_173_106);
    assert_eq!(s("0102030405"), 981_173_100);
    assert_eq!(s("6902030405"), -28_670_100);
    for bad in ["9999", "200113030405", "200102030405.6", "20010203040x"] {
        cmd("touch")
            .args(["-t", bad, "f"])
            .cwd(t.path())
            .run()
            .status(1)
            .err(format!("touch: invalid date format '{bad}'\n"));
    }
}

#[test]
fn access_or_modification_only() {
    let t = TempDir::new();
    t.write("f", "");
    cmd("touch")
        .args(["-d", "@1000", "f"])
        .cwd(t.path())
        .run()
        .ok();
    cmd("touch")
        .args(["-a", "-d", "@2000", "f"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(times(&t.join("f")), (2000, 1000));
    cmd("touch")
        .args(["-m", "-d", "@3000", "f"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(times(&t.join("f")), (2000, 3000));
    cmd("touch")
        .args(["--time=atime", "-d", "@4000", "f"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(times(&t.join("f")), (4000, 3000));
}

#[test]
fn reference() {
    let t = TempDir::new();
    t.write("r", "");
    cmd("touch")
        .args(["-d", "@5000", "r"])
        .cwd(t.path())
        .run()
        .ok();
    cmd("touch")
        .args(["-r", "r", "new"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(times(&t.join("new")), (5000, 5000));
    // -d is relative to -r.
    cmd("touch")
        .args(["-r", "r", "-d", "+1 hour", "rel"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(times(&t.join("rel")).1, 8600);
    cmd("touch")
        .args(["-r", "nonex", "x"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("touch: failed to get attributes of 'nonex': No such file or directory\n");
    assert!(!t.join("x").exists());
}

#[test]
fn no_create_and_links() {
    let t = TempDir::new();
    cmd("touch").args(["-c", "nope"]).cwd(t.path()).run().ok();
    assert!(!t.join("nope").exists());
    std::os::unix::fs::symlink("target", t.join("l")).expect("symlink");
    // -h touches the link, and does not create its target.
    cmd("touch")
        .args(["-h", "-d", "@7000", "l"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(times(&t.join("l")).1, 7000);
    assert!(!t.join("target").exists());
    // Without -h the target is made.
    cmd("touch").arg("l").cwd(t.path()).run().ok();
    assert!(t.join("target").exists());
}

#[test]
fn errors() {
    let t = TempDir::new();
    cmd("touch")
        .args(["no/x", "y"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("touch: cannot touch 'no/x': No such file or directory\n");
    assert!(t.join("y").exists());
    cmd("touch")
        .run()
        .status(1)
        .err_has("touch: missing file operand\n");
}
