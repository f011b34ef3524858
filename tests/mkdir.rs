//! mkdir: -p, -m, -v and the errors, as GNU.

use crate::common::*;
use std::os::unix::fs::PermissionsExt;

fn mode_of(p: &std::path::Path) -> u32 {
    std::fs::symlink_metadata(p)
        .expect("stat")
        .permissions()
        .mode()
        & 0o7777
}

#[test]
fn makes_directories() {
    let t = TempDir::new();
    cmd("mkdir")
        .args(["a", "b c", "--", "-d"])
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    for d in ["a", "b c", "-d"] {
        assert!(t.join(d).is_dir(), "{d}");
    }
    assert_eq!(mode_of(&t.join("a")), 0o755);
}

#[test]
fn verbose_and_parents() {
    let t = TempDir::new();
    cmd("mkdir")
        .args(["-pv", "a/b/c"])
        .cwd(t.path())
        .run()
        .ok()
        .out("mkdir: created directory 'a'\nmkdir: created directory 'a/b'\nmkdir: created directory 'a/b/c'\n");
    // Existing directories are fine with -p; nothing is printed for them.
    cmd("mkdir")
        .args(["-pv", "a/b/c", "a//b///d/", "./a/./e"])
        .cwd(t.path())
        .run()
        .ok()
        .out("mkdir: created directory 'a//b///d/'\nmkdir: created directory './a/./e'\n");
    assert!(t.join("a/b/d").is_dir() && t.join("a/e").is_dir());
    cmd("mkdir").args(["-p", "x/../y"]).cwd(t.path()).run().ok();
    assert!(t.join("y").is_dir());
}

#[test]
fn modes() {
    let t = TempDir::new();
    cmd("mkdir")
        .args(["-m", "700", "a"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(mode_of(&t.join("a")), 0o700);
    // Bits the umask would take, and the sticky bit, are set by a chmod.
    cmd("mkdir")
        .args(["-m", "1777", "b"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(mode_of(&t.join("b")), 0o1777);
    // Symbolic modes apply to a=rwx.
    cmd("mkdir")
        .args(["-m", "u+s,g=u", "c"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(mode_of(&t.join("c")), 0o4777);
    cmd("mkdir")
        .args(["-m", "go-w", "d"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(mode_of(&t.join("d")), 0o755);
    // -m applies to the last directory only; parents get u+wx past the umask.
    sh("umask 077 && mkdir -p -m 751 p/q && stat -c %a p p/q")
        .run()
        .ok()
        .out("700\n751\n");
    sh("umask 777 && mkdir -p p/q && stat -c %a p p/q")
        .run()
        .ok()
        .out("300\n0\n");
}

#[test]
fn errors() {
    let t = TempDir::new();
    t.write("f", "");
    let e = |args: &[&str], err: &str| {
        cmd("mkdir")
            .args(args)
            .cwd(t.path())
            .run()
            .status(1)
            .out("")
            .err(err);
    };
    e(&["f"], "mkdir: cannot create directory 'f': File exists\n");
    e(
        &["-p", "f"],
        "mkdir: cannot create directory 'f': File exists\n",
    );
    e(
        &["-p", "f/x"],
        "mkdir: cannot create directory 'f': Not a directory\n",
    );
    e(
        &["no/x"],
        "mkdir: cannot create directory 'no/x': No such file or directory\n",
    );
    e(
        &[""],
        "mkdir: cannot create directory '': No such file or directory\n",
    );
    e(&["-m", "xyz", "q"], "mkdir: invalid mode 'xyz'\n");
    assert!(!t.join("q").exists());
    cmd("mkdir")
        .run()
        .status(1)
        .err_has("mkdir: missing operand\n");
    // The other operands are still made.
    cmd("mkdir").args(["f", "g", "f"]).cwd(t.path()).run().status(1)
        .err("mkdir: cannot create directory 'f': File exists\nmkdir: cannot create directory 'f': File exists\n");
    assert!(t.join("g").is_dir());
    cmd("mkdir").arg(os(b"a\nb")).cwd(t.path()).run().ok();
    cmd("mkdir")
        .arg(os(b"a\nb"))
        .cwd(t.path())
        .run()
        .status(1)
        .err("mkdir: cannot create directory 'a'$'\\n''b': File exists\n");
}
