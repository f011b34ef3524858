//! mknod: device files and FIFOs, numbers in three bases, errors as GNU.

use crate::common::*;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};

fn root() -> bool {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() == 0 }
}

#[test]
fn fifo() {
    let t = TempDir::new();
    cmd("mknod")
        .args(["-m", "600", "p", "p"])
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    let md = std::fs::metadata(t.join("p")).expect("stat");
    assert!(md.file_type().is_fifo());
    assert_eq!(md.permissions().mode() & 0o777, 0o600);
}

#[test]
fn devices() {
    if !root() {
        eprintln!("skipped: making device files needs root");
        return;
    }
    let t = TempDir::new();
    cmd("mknod")
        .args(["n", "c", "1", "3"])
        .cwd(t.path())
        .run()
        .ok();
    let md = std::fs::metadata(t.join("n")).expect("stat");
    assert!(md.file_type().is_char_device());
    assert_eq!(md.rdev(), libc::makedev(1, 3));
    assert_eq!(md.permissions().mode() & 0o777, 0o644);
    cmd("mknod")
        .args(["u", "u", "1", "5"])
        .cwd(t.path())
        .run()
        .ok();
    assert!(std::fs::metadata(t.join("u"))
        .expect("stat")
        .file_type()
        .is_char_device());
    cmd("mknod")
        .args(["-m", "0", "b", "b", "0x8", "010"])
        .cwd(t.path())
        .run()
        .ok();
    let md = std::fs::metadata(t.join("b")).expect("stat");
    assert!(md.file_type().is_block_device());
    assert_eq!(md.rdev(), libc::makedev(8, 8));
    assert_eq!(md.permissions().mode() & 0o777, 0);
}

#[test]
fn errors() {
    let t = TempDir::new();
    let e = |args: &[&str], err: &str| {
        cmd("mknod")
            .args(args)
            .cwd(t.path())
            .run()
            .status(1)
            .out("")
            .err_has(err);
    };
    e(&[], "mknod: missing operand\n");
    e(&["x"], "mknod: missing operand after 'x'\n");
    e(
        &["x", "b"],
        "mknod: missing operand after 'b'\nSpecial files require major and minor device numbers.\n",
    );
    e(&["x", "c", "1"], "mknod: missing operand after '1'\n");
    e(
        &["x", "c", "a", "1"],
        "mknod: invalid major device number 'a'\n",
    );
    e(
        &["x", "c", "1", "b"],
        "mknod: invalid minor device number 'b'\n",
    );
    e(&["x", "q", "1", "2"], "mknod: invalid device type 'q'\n");
    e(
        &["x", "p", "1", "2"],
        "mknod: extra operand '1'\nFifos do not have major and minor device numbers.\n",
    );
    e(&["x", "c", "1", "2", "3"], "mknod: extra operand '3'\n");
    t.write("f", "");
    e(&["f", "p"], "mknod: f: File exists\n");
}
