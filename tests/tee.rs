//! tee: stdout and files, -a, -p, errors.

use crate::common::*;

#[test]
fn copies_to_files() {
    let t = TempDir::new();
    cmd("tee")
        .args(["t1", "t2", "-"])
        .stdin("hi\n")
        .cwd(t.path())
        .run()
        .ok()
        .out("hi\n");
    for f in ["t1", "t2", "-"] {
        assert_eq!(std::fs::read(t.join(f)).expect("read"), b"hi\n");
    }
    cmd("tee")
        .args(["-a", "t1"])
        .stdin("more\n")
        .cwd(t.path())
        .run()
        .ok()
        .out("more\n");
    assert_eq!(std::fs::read(t.join("t1")).expect("read"), b"hi\nmore\n");
    cmd("tee").arg("t2").stdin("new\n").cwd(t.path()).run().ok();
    assert_eq!(std::fs::read(t.join("t2")).expect("read"), b"new\n");
    case("tee", &[], "", "");
    let big: Vec<u8> = (0..1_000_000u32).map(|i| (i % 251) as u8).collect();
    cmd("tee")
        .arg("b")
        .stdin(big.clone())
        .cwd(t.path())
        .run()
        .ok()
        .out(&big);
    assert_eq!(std::fs::read(t.join("b")).expect("read"), big);
}

#[test]
fn errors_and_pipes() {
    let t = TempDir::new();
    cmd("tee")
        .args(["no/f", "ok"])
        .stdin("x\n")
        .cwd(t.path())
        .run()
        .status(1)
        .out("x\n")
        .err("tee: no/f: No such file or directory\n");
    assert_eq!(std::fs::read(t.join("ok")).expect("read"), b"x\n");
    cmd("tee")
        .arg("f")
        .stdin("x")
        .cwd(t.path())
        .stdout_full()
        .run()
        .status(1)
        .err("tee: 'standard output': No space left on device\n");
    assert_eq!(std::fs::read(t.join("f")).expect("read"), b"x");
    // -p: a closed pipe is not an error and the files get everything.
    sh("seq 1 100000 | tee -p f | head -n 1; wc -l < f")
        .cwd(t.path())
        .run()
        .ok()
        .out("1\n100000\n");
}
