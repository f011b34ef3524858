//! ln: hard and symbolic links, -f -i -n -r -v -T -t -L -P, and errors.

use crate::common::*;
use std::os::unix::fs::MetadataExt;

fn link_text(p: &std::path::Path) -> String {
    std::fs::read_link(p)
        .expect("readlink")
        .to_string_lossy()
        .into_owned()
}

fn ino(p: &std::path::Path) -> u64 {
    std::fs::symlink_metadata(p).expect("stat").ino()
}

#[test]
fn hard_links() {
    let t = TempDir::new();
    t.write("a", "x");
    cmd("ln").args(["a", "b"]).cwd(t.path()).run().ok().out("");
    assert_eq!(ino(&t.join("a")), ino(&t.join("b")));
    cmd("ln")
        .args(["-v", "a", "c"])
        .cwd(t.path())
        .run()
        .ok()
        .out("'c' => 'a'\n");
    std::fs::create_dir(t.join("d")).expect("mkdir");
    cmd("ln").args(["a", "b", "d"]).cwd(t.path()).run().ok();
    assert_eq!(ino(&t.join("d/b")), ino(&t.join("a")));
    cmd("ln").args(["-t", "d", "c"]).cwd(t.path()).run().ok();
    assert!(t.join("d/c").exists());
}

#[test]
fn hard_links_to_symlinks() {
    let t = TempDir::new();
    t.write("a", "x");
    std::os::unix::fs::symlink("a", t.join("s")).expect("symlink");
    // -P (the default) links the link itself; -L its target.
    cmd("ln").args(["s", "p"]).cwd(t.path()).run().ok();
    assert_eq!(ino(&t.join("p")), ino(&t.join("s")));
    cmd("ln").args(["-L", "s", "l"]).cwd(t.path()).run().ok();
    assert_eq!(ino(&t.join("l")), ino(&t.join("a")));
}

#[test]
fn symbolic_links() {
    let t = TempDir::new();
    cmd("ln")
        .args(["-s", "nowhere", "s"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(link_text(&t.join("s")), "nowhere");
    cmd("ln")
        .args(["-sv", "/etc/passwd"])
        .cwd(t.path())
        .run()
        .ok()
        .out("'./passwd' -> '/etc/passwd'\n");
    std::fs::create_dir(t.join("d")).expect("mkdir");
    cmd("ln")
        .args(["-sv", "a", "d/"])
        .cwd(t.path())
        .run()
        .ok()
        .out("'d/a' -> 'a'\n");
    assert_eq!(link_text(&t.join("d/a")), "a");
}

#[test]
fn force_replaces_atomically() {
    let t = TempDir::new();
    t.write("a", "1");
    t.write("b", "2");
    cmd("ln")
        .args(["-sfv", "a", "b"])
        .cwd(t.path())
        .run()
        .ok()
        .out("'b' -> 'a'\n");
    assert_eq!(link_text(&t.join("b")), "a");
    cmd("ln").args(["-f", "a", "b"]).cwd(t.path()).run().ok();
    assert_eq!(ino(&t.join("b")), ino(&t.join("a")));
    // Linking again over an existing hard link of the same file.
    cmd("ln").args(["-f", "a", "b"]).cwd(t.path()).run().ok();
    let names: Vec<_> = std::fs::read_dir(t.path())
        .expect("ls")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 2, "no temporary names left: {names:?}");
    cmd("ln")
        .args(["-f", "a", "./a"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("ln: 'a' and './a' are the same file\n");
    std::fs::create_dir(t.join("dir")).expect("mkdir");
    cmd("ln")
        .args(["-sfT", "a", "dir"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("ln: 'dir': cannot overwrite directory\n");
}

#[test]
fn no_dereference() {
    let t = TempDir::new();
    t.write("a", "");
    std::fs::create_dir(t.join("d")).expect("mkdir");
    std::os::unix::fs::symlink("d", t.join("sd")).expect("symlink");
    // Without -n the link to a directory is a directory: the link goes in it.
    cmd("ln").args(["-sf", "a", "sd"]).cwd(t.path()).run().ok();
    assert_eq!(link_text(&t.join("d/a")), "a");
    cmd("ln").args(["-sfn", "a", "sd"]).cwd(t.path()).run().ok();
    assert_eq!(link_text(&t.join("sd")), "a");
}

#[test]
fn relative() {
    let t = TempDir::new();
    t.write("a", "");
    std::fs::create_dir(t.join("sub")).expect("mkdir");
    cmd("ln")
        .args(["-srv", "a", "sub/x"])
        .cwd(t.path())
        .run()
        .ok()
        .out("'sub/x' -> '../a'\n");
    cmd("ln")
        .args(["-sr", "sub/x", "y"])
        .cwd(t.path())
        .run()
        .ok();
    // The target is resolved through links first, as GNU does.
    assert_eq!(link_text(&t.join("y")), "a");
    cmd("ln")
        .args(["-sr", "sub", "sub/self"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(link_text(&t.join("sub/self")), ".");
    cmd("ln")
        .args(["-r", "a", "b"])
        .cwd(t.path())
        .run()
        .status(1)
        .err_has("ln: cannot do --relative without --symbolic\n");
}

#[test]
fn interactive() {
    let t = TempDir::new();
    t.write("a", "");
    t.write("b", "old");
    cmd("ln")
        .args(["-si", "a", "b"])
        .stdin("n\n")
        .cwd(t.path())
        .run()
        .status(0)
        .err("ln: replace 'b'? ");
    assert_eq!(std::fs::read(t.join("b")).expect("read"), b"old");
    cmd("ln")
        .args(["-siv", "a", "b"])
        .stdin("y\n")
        .cwd(t.path())
        .run()
        .status(0)
        .out("'b' -> 'a'\n")
        .err("ln: replace 'b'? ");
    assert_eq!(link_text(&t.join("b")), "a");
}

#[test]
fn errors() {
    let t = TempDir::new();
    t.write("a", "");
    t.write("b", "");
    std::fs::create_dir(t.join("d")).expect("mkdir");
    let e = |args: &[&str], err: &str| {
        cmd("ln")
            .args(args)
            .cwd(t.path())
            .run()
            .status(1)
            .out("")
            .err(err);
    };
    e(
        &["a", "b"],
        "ln: failed to create hard link 'b': File exists\n",
    );
    e(
        &["-s", "a", "b"],
        "ln: failed to create symbolic link 'b': File exists\n",
    );
    e(
        &["nonex", "c"],
        "ln: failed to access 'nonex': No such file or directory\n",
    );
    e(&["d", "e"], "ln: d: hard link not allowed for directory\n");
    e(
        &["a", "b", "c"],
        "ln: target 'c': No such file or directory\n",
    );
    e(&["a", "b", "a"], "ln: target 'a': Not a directory\n");
    e(
        &["-t", "nond", "a"],
        "ln: failed to access 'nond': No such file or directory\n",
    );
    e(
        &["-T", "a", "d"],
        "ln: failed to create hard link 'd': File exists\n",
    );
    e(
        &["a", "no/x"],
        "ln: failed to create hard link 'no/x' => 'a': No such file or directory\n",
    );
    cmd("ln")
        .run()
        .status(1)
        .err_has("ln: missing file operand\n");
    cmd("ln")
        .args(["-T", "a", "b", "c"])
        .cwd(t.path())
        .run()
        .status(1)
        .err_has("ln: extra operand 'c'\n");
}
