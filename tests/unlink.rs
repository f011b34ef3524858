//! unlink: one operand, errors as GNU.

use crate::common::*;

#[test]
fn unlinks() {
    let t = TempDir::new();
    t.write("a", "x");
    std::os::unix::fs::symlink("a", t.join("s")).expect("symlink");
    cmd("unlink").arg("s").cwd(t.path()).run().ok().out("");
    assert!(t.join("a").exists() && std::fs::symlink_metadata(t.join("s")).is_err());
    cmd("unlink").arg("a").cwd(t.path()).run().ok();
    assert!(!t.join("a").exists());
    cmd("unlink")
        .arg("a")
        .cwd(t.path())
        .run()
        .status(1)
        .err("unlink: cannot unlink 'a': No such file or directory\n");
    std::fs::create_dir(t.join("d")).expect("mkdir");
    cmd("unlink")
        .arg("d")
        .cwd(t.path())
        .run()
        .status(1)
        .err("unlink: cannot unlink 'd': Is a directory\n");
}

#[test]
fn operands() {
    cmd("unlink")
        .run()
        .status(1)
        .err_has("unlink: missing operand\n");
    cmd("unlink")
        .args(["a", "b"])
        .run()
        .status(1)
        .err_has("unlink: extra operand 'b'\n");
}
