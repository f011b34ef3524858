//! mkfifo: -m and errors.

use crate::common::*;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};

#[test]
fn makes_fifos() {
    let t = TempDir::new();
    cmd("mkfifo")
        .args(["f", "g"])
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    let md = std::fs::metadata(t.join("f")).expect("stat");
    assert!(md.file_type().is_fifo());
    assert_eq!(md.permissions().mode() & 0o7777, 0o644);
    cmd("mkfifo")
        .args(["-m", "600", "h"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(
        std::fs::metadata(t.join("h"))
            .expect("stat")
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    // Symbolic modes apply to a=rw, past the umask.
    cmd("mkfifo")
        .args(["-m", "+x", "i"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(
        std::fs::metadata(t.join("i"))
            .expect("stat")
            .permissions()
            .mode()
            & 0o777,
        0o777
    );
    cmd("mkfifo")
        .args(["-m", "a=rw", "j"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(
        std::fs::metadata(t.join("j"))
            .expect("stat")
            .permissions()
            .mode()
            & 0o777,
        0o666
    );
}

#[test]
fn errors() {
    let t = TempDir::new();
    t.write("f", "");
    cmd("mkfifo")
        .args(["f", "g"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("mkfifo: cannot create fifo 'f': File exists\n");
    assert!(t.join("g").exists());
    cmd("mkfifo")
        .args(["-m", "xx", "q"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("mkfifo: invalid mode\n");
    assert!(!t.join("q").exists());
    cmd("mkfifo")
        .run()
        .status(1)
        .err_has("mkfifo: missing operand\n");
}
