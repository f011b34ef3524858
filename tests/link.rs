//! link: exactly two operands, errors as GNU.

use crate::common::*;
use std::os::unix::fs::MetadataExt;

#[test]
fn links() {
    let t = TempDir::new();
    t.write("a", "x");
    cmd("link")
        .args(["a", "b"])
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    let ino = |n| std::fs::metadata(t.join(n)).expect("stat").ino();
    assert_eq!(ino("a"), ino("b"));
    cmd("link")
        .args(["a", "b"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("link: cannot create link 'b' to 'a': File exists\n");
    cmd("link")
        .args(["nonex", "c"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("link: cannot create link 'c' to 'nonex': No such file or directory\n");
}

#[test]
fn operands() {
    cmd("link")
        .run()
        .status(1)
        .err_has("link: missing operand\n");
    cmd("link")
        .arg("a")
        .run()
        .status(1)
        .err_has("link: missing operand after 'a'\n");
    cmd("link")
        .args(["a", "b", "c"])
        .run()
        .status(1)
        .err_has("link: extra operand 'c'\n");
}
