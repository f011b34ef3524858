//! chown and chgrp: specs, symlinks, -R with -H/-L/-P, -v/-c, errors.
//! Changing owners needs root; those tests return early otherwise.

use crate::common::*;
use std::fs;
use std::os::unix::fs::{symlink, MetadataExt};
use std::path::Path;

fn root() -> bool {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn owner(p: &Path) -> (u32, u32) {
    let m = fs::symlink_metadata(p).expect("lstat");
    (m.uid(), m.gid())
}

fn chown_in(dir: &Path, applet: &str, args: &[&str]) -> Out {
    cmd(applet).cwd(dir).args(args).run()
}

#[test]
fn specs() {
    if !root() {
        return;
    }
    let t = TempDir::new();
    let d = t.path().to_path_buf();
    fs::write(d.join("f"), "").expect("write");
    let f = d.join("f");
    chown_in(&d, "chown", &["123", "f"]).ok();
    assert_eq!(owner(&f), (123, 0));
    chown_in(&d, "chown", &["124:456", "f"]).ok();
    assert_eq!(owner(&f), (124, 456));
    chown_in(&d, "chown", &[":457", "f"]).ok();
    assert_eq!(owner(&f), (124, 457));
    chown_in(&d, "chown", &["125.458", "f"]).ok();
    assert_eq!(owner(&f), (125, 458));
    chown_in(&d, "chown", &["root:", "f"]).ok();
    assert_eq!(owner(&f), (0, 0));
    chown_in(&d, "chown", &["+7:+8", "f"]).ok();
    assert_eq!(owner(&f), (7, 8));
    chown_in(&d, "chgrp", &["459", "f"]).ok();
    assert_eq!(owner(&f), (7, 459));
    chown_in(&d, "chgrp", &["root", "f"]).ok();
    assert_eq!(owner(&f), (7, 0));
    chown_in(&d, "chown", &["root:root", "f"]).ok();
    assert_eq!(owner(&f), (0, 0));
    // An empty spec changes nothing, successfully.
    chown_in(&d, "chown", &["", "f"]).ok();
    chown_in(&d, "chown", &[":", "f"]).ok();
    assert_eq!(owner(&f), (0, 0));
}

#[test]
fn verbose_messages() {
    if !root() {
        return;
    }
    let t = TempDir::new();
    let d = t.path().to_path_buf();
    fs::write(d.join("f"), "").expect("write");
    let v = |applet: &str, spec: &str, expected: &str| {
        chown_in(&d, applet, &["-v", spec, "f"]).ok().out(expected);
    };
    v(
        "chown",
        "47123",
        "changed ownership of 'f' from root to 47123\n",
    );
    v("chown", "47123", "ownership of 'f' retained as 47123\n");
    v(
        "chown",
        "0:4712",
        "changed ownership of 'f' from 47123:root to root:4712\n",
    );
    v(
        "chown",
        ":root",
        "changed ownership of 'f' from root:4712 to :root\n",
    );
    v("chown", "", "ownership of 'f' retained\n");
    v("chgrp", "4712", "changed group of 'f' from root to 4712\n");
    v("chgrp", "4712", "group of 'f' retained as 4712\n");
    v(
        "chown",
        "root:root",
        "changed ownership of 'f' from root:4712 to root:root\n",
    );
    chown_in(&d, "chown", &["-c", "root", "f"]).ok().out("");
    chown_in(&d, "chown", &["-c", "4719", "f"])
        .ok()
        .out("changed ownership of 'f' from root to 4719\n");
}

#[test]
fn symlinks_without_recursion() {
    if !root() {
        return;
    }
    let t = TempDir::new();
    let d = t.path().to_path_buf();
    fs::write(d.join("t"), "").expect("write");
    symlink("t", d.join("l")).expect("symlink");
    symlink("nowhere", d.join("dang")).expect("symlink");
    chown_in(&d, "chown", &["5", "l"]).ok();
    assert_eq!(owner(&d.join("t")).0, 5);
    assert_eq!(owner(&d.join("l")).0, 0);
    chown_in(&d, "chown", &["-h", "6", "l"]).ok();
    assert_eq!(owner(&d.join("t")).0, 5);
    assert_eq!(owner(&d.join("l")).0, 6);
    chown_in(&d, "chown", &["7", "dang"])
        .status(1)
        .err("chown: cannot dereference 'dang': No such file or directory\n");
    chown_in(&d, "chown", &["-h", "7", "dang"]).ok();
    assert_eq!(owner(&d.join("dang")).0, 7);
}

#[test]
fn recursive_follow_modes() {
    if !root() {
        return;
    }
    let t = TempDir::new();
    let d = t.path().to_path_buf();
    fs::create_dir_all(d.join("tree/sub")).expect("mkdir");
    fs::write(d.join("tree/sub/f"), "").expect("write");
    fs::create_dir(d.join("outside")).expect("mkdir");
    fs::write(d.join("outside/g"), "").expect("write");
    symlink("../outside", d.join("tree/lnk")).expect("symlink");
    symlink("tree", d.join("top")).expect("symlink");
    // -P (default): links themselves change, nothing outside.
    chown_in(&d, "chown", &["-R", "11", "tree"]).ok();
    assert_eq!(owner(&d.join("tree/sub/f")).0, 11);
    assert_eq!(owner(&d.join("tree/lnk")).0, 11);
    assert_eq!(owner(&d.join("outside")).0, 0);
    // -R on a link operand with -P changes the link only.
    chown_in(&d, "chown", &["-R", "12", "top"]).ok();
    assert_eq!(owner(&d.join("top")).0, 12);
    assert_eq!(owner(&d.join("tree")).0, 11);
    // -H follows the operand, not the links inside.
    chown_in(&d, "chown", &["-RH", "13", "top"]).ok();
    assert_eq!(owner(&d.join("tree")).0, 13);
    assert_eq!(owner(&d.join("tree/sub/f")).0, 13);
    assert_eq!(owner(&d.join("outside/g")).0, 0);
    // -L follows them all.
    chown_in(&d, "chown", &["-RL", "14", "tree"]).ok();
    assert_eq!(owner(&d.join("outside/g")).0, 14);
    // Directories are reported after their contents.
    let o = chown_in(&d, "chown", &["-Rv", "15", "tree/sub"]);
    o.ok().out(
        "changed ownership of 'tree/sub/f' from 14 to 15\n\
         changed ownership of 'tree/sub' from 14 to 15\n",
    );
}

#[test]
fn reference() {
    if !root() {
        return;
    }
    let t = TempDir::new();
    let d = t.path().to_path_buf();
    fs::write(d.join("r"), "").expect("write");
    fs::write(d.join("f"), "").expect("write");
    chown_in(&d, "chown", &["21:22", "r"]).ok();
    chown_in(&d, "chown", &["--reference=r", "f"]).ok();
    assert_eq!(owner(&d.join("f")), (21, 22));
    chown_in(&d, "chown", &["0:0", "f"]).ok();
    chown_in(&d, "chgrp", &["--reference=r", "f"]).ok();
    assert_eq!(owner(&d.join("f")), (0, 22));
}

#[test]
fn errors() {
    cmd("chown")
        .run()
        .status(1)
        .err_has("chown: missing operand\n");
    cmd("chown")
        .arg("root")
        .run()
        .status(1)
        .err_has("chown: missing operand after 'root'\n");
    cmd("chgrp")
        .run()
        .status(1)
        .err_has("chgrp: missing operand\n");
    cmd("chown")
        .args(["no-such-user-q", "f"])
        .run()
        .status(1)
        .err("chown: invalid user: 'no-such-user-q'\n");
    cmd("chown")
        .args(["root:no-such-group-q", "f"])
        .run()
        .status(1)
        .err("chown: invalid group: 'root:no-such-group-q'\n");
    cmd("chgrp")
        .args(["no-such-group-q", "f"])
        .run()
        .status(1)
        .err("chgrp: invalid group: 'no-such-group-q'\n");
    cmd("chown")
        .args(["0", "nofile"])
        .run()
        .status(1)
        .err("chown: cannot access 'nofile': No such file or directory\n");
    cmd("chown")
        .args(["-f", "0", "nofile"])
        .run()
        .status(1)
        .err("");
}

#[test]
fn permission_denied_for_non_root() {
    if root() {
        return;
    }
    let t = TempDir::new();
    let c = cmd("chown").cwd(t.path());
    fs::write(t.path().join("f"), "").expect("write");
    c.args(["0", "f"])
        .run()
        .status(1)
        .err("chown: changing ownership of 'f': Operation not permitted\n");
}
