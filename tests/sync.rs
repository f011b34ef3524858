//! sync: everything, files, -d, -f, errors.

use crate::common::*;

#[test]
fn syncs() {
    let t = TempDir::new();
    t.write("a", "x");
    cmd("sync").run().ok().out("");
    for opt in [None, Some("-d"), Some("-f")] {
        let mut c = cmd("sync");
        if let Some(o) = opt {
            c = c.arg(o);
        }
        c.arg("a").arg(".").cwd(t.path()).run().ok().out("");
    }
}

#[test]
fn errors() {
    let t = TempDir::new();
    t.write("a", "x");
    cmd("sync")
        .args(["nonex", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("sync: error opening 'nonex': No such file or directory\n");
    cmd("sync")
        .args(["-d", "-f", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("sync: cannot specify both --data and --file-system\n");
    cmd("sync")
        .arg("-d")
        .run()
        .status(1)
        .err_has("sync: --data needs at least one argument\n");
}
