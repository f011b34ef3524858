//! chmod: octal and symbolic modes, -R, -v/-c, -f, umask warnings, errors.

use crate::common::*;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

fn mode_of(p: &Path) -> u32 {
    fs::symlink_metadata(p).expect("stat").mode() & 0o7777
}

fn set(p: &Path, m: u32) {
    fs::set_permissions(p, fs::Permissions::from_mode(m)).expect("chmod");
}

/// Runs chmod in a dir holding `f` (mode `start`) and returns f's mode.
fn result(args: &[&str], start: u32) -> u32 {
    let t = TempDir::new();
    let c = cmd("chmod").cwd(t.path());
    let f = t.path().join("f");
    fs::write(&f, "").expect("write");
    set(&f, start);
    let dir = t.path().to_path_buf();
    let mut all: Vec<&str> = args.to_vec();
    all.push("f");
    c.args(&all).run().ok();
    mode_of(&dir.join("f"))
}

#[test]
fn octal() {
    assert_eq!(result(&["755"], 0o644), 0o755);
    assert_eq!(result(&["0"], 0o644), 0);
    assert_eq!(result(&["4755"], 0o644), 0o4755);
    assert_eq!(result(&["0644"], 0o4755), 0o644);
}

#[test]
fn symbolic() {
    assert_eq!(result(&["u+x"], 0o644), 0o744);
    assert_eq!(result(&["a-r"], 0o644), 0o200);
    assert_eq!(result(&["go="], 0o777), 0o700);
    assert_eq!(result(&["u=rwx,g=rx,o="], 0), 0o750);
    assert_eq!(result(&["g=u"], 0o640), 0o660);
    assert_eq!(result(&["o=g"], 0o750), 0o755);
    assert_eq!(result(&["u+s,g+s"], 0o755), 0o6755);
    assert_eq!(result(&["+t"], 0o755), 0o1755);
    // X: execute only for directories or files with an x bit already.
    assert_eq!(result(&["a+X"], 0o644), 0o644);
    assert_eq!(result(&["a+X"], 0o744), 0o755);
    assert_eq!(result(&["u+rw-x+x"], 0), 0o700);
}

#[test]
fn mode_that_looks_like_an_option() {
    assert_eq!(result(&["-w"], 0o644), 0o444);
    assert_eq!(result(&["-x,g+w"], 0o755), 0o664);
    assert_eq!(result(&["-rwx"], 0o700), 0);
}

#[test]
fn directories_keep_setgid_with_octal_unless_five_digits() {
    let t = TempDir::new();
    let c = cmd("chmod").cwd(t.path());
    let d = t.path().join("d");
    fs::create_dir(&d).expect("mkdir");
    set(&d, 0o2755);
    let dir = t.path().to_path_buf();
    c.args(["755", "d"]).run().ok();
    assert_eq!(mode_of(&dir.join("d")), 0o2755);
    cmd("chmod").cwd(&dir).args(["00755", "d"]).run().ok();
    assert_eq!(mode_of(&dir.join("d")), 0o755);
    // X on a directory.
    set(&d, 0o600);
    cmd("chmod").cwd(&dir).args(["a+X", "d"]).run().ok();
    assert_eq!(mode_of(&dir.join("d")), 0o711);
}

#[test]
fn umask_limits_clauses_without_who() {
    let o = sh("umask 022; : > f; chmod 666 f; chmod -w f; echo $?; stat -c %a f").run();
    o.out("1\n466\n")
        .err("chmod: f: new permissions are r--rw-rw-, not r--r--r--\n");
    let o = sh("umask 077; : > f; chmod 600 f; chmod +x f; stat -c %a f").run();
    o.ok().out("700\n");
    // -f silences the warning, but the mode is what the umask allows.
    let o = sh("umask 022; : > f; chmod 666 f; chmod -f -w f; echo $?; stat -c %a f").run();
    o.ok().out("0\n466\n");
}

#[test]
fn verbose_and_changes() {
    let t = TempDir::new();
    let c = cmd("chmod").cwd(t.path());
    let f = t.path().join("f");
    fs::write(&f, "").expect("write");
    set(&f, 0o644);
    let dir = t.path().to_path_buf();
    c.args(["-v", "755", "f"])
        .run()
        .ok()
        .out("mode of 'f' changed from 0644 (rw-r--r--) to 0755 (rwxr-xr-x)\n");
    cmd("chmod")
        .cwd(&dir)
        .args(["-v", "755", "f"])
        .run()
        .ok()
        .out("mode of 'f' retained as 0755 (rwxr-xr-x)\n");
    cmd("chmod")
        .cwd(&dir)
        .args(["-c", "755", "f"])
        .run()
        .ok()
        .out("");
    cmd("chmod")
        .cwd(&dir)
        .args(["--changes", "u+s", "f"])
        .run()
        .ok()
        .out("mode of 'f' changed from 0755 (rwxr-xr-x) to 4755 (rwsr-xr-x)\n");
}

#[test]
fn recursive_does_not_follow_links() {
    let t = TempDir::new();
    let c = cmd("chmod").cwd(t.path());
    let root = t.path().to_path_buf();
    fs::create_dir_all(root.join("d/e")).expect("mkdir");
    fs::write(root.join("d/e/g"), "").expect("write");
    fs::write(root.join("target"), "").expect("write");
    set(&root.join("target"), 0o600);
    std::os::unix::fs::symlink("../target", root.join("d/lnk")).expect("symlink");
    c.args(["-R", "go-rwx", "d"]).run().ok();
    assert_eq!(mode_of(&root.join("d")), 0o700);
    assert_eq!(mode_of(&root.join("d/e")), 0o700);
    assert_eq!(mode_of(&root.join("d/e/g")), 0o600);
    // The link's target outside the tree is untouched.
    cmd("chmod").cwd(&root).args(["-R", "a+r", "d"]).run().ok();
    assert_eq!(mode_of(&root.join("target")), 0o600);
    let o = cmd("chmod").cwd(&root).args(["-Rv", "u+x", "d"]).run();
    o.ok();
    assert!(o
        .stdout_str()
        .contains("neither symbolic link 'd/lnk' nor referent has been changed\n"));
}

#[test]
fn operand_symlink_is_followed() {
    let t = TempDir::new();
    let c = cmd("chmod").cwd(t.path());
    let root = t.path().to_path_buf();
    fs::write(root.join("t"), "").expect("write");
    set(&root.join("t"), 0o600);
    std::os::unix::fs::symlink("t", root.join("l")).expect("symlink");
    std::os::unix::fs::symlink("nowhere", root.join("dang")).expect("symlink");
    c.args(["644", "l"]).run().ok();
    assert_eq!(mode_of(&root.join("t")), 0o644);
    cmd("chmod")
        .cwd(&root)
        .args(["644", "dang", "t"])
        .run()
        .status(1)
        .err("chmod: cannot operate on dangling symlink 'dang'\n");
}

#[test]
fn reference() {
    let t = TempDir::new();
    let c = cmd("chmod").cwd(t.path());
    let root = t.path().to_path_buf();
    fs::write(root.join("r"), "").expect("write");
    fs::write(root.join("f"), "").expect("write");
    set(&root.join("r"), 0o741);
    c.args(["--reference=r", "f"]).run().ok();
    assert_eq!(mode_of(&root.join("f")), 0o741);
    cmd("chmod")
        .cwd(&root)
        .args(["--reference=nope", "f"])
        .run()
        .status(1)
        .err("chmod: failed to get attributes of 'nope': No such file or directory\n");
}

#[test]
fn errors() {
    cmd("chmod")
        .run()
        .status(1)
        .err_has("chmod: missing operand\n");
    cmd("chmod")
        .arg("7")
        .run()
        .status(1)
        .err_has("chmod: missing operand after '7'\n");
    cmd("chmod")
        .args(["xyz", "f"])
        .run()
        .status(1)
        .err_has("chmod: invalid mode: 'xyz'\n");
    cmd("chmod")
        .args(["8", "f"])
        .run()
        .status(1)
        .err_has("chmod: invalid mode: '8'\n");
    let t = TempDir::new();
    let c = cmd("chmod").cwd(t.path());
    fs::write(t.path().join("f"), "").expect("write");
    c.args(["644", "nofile", "f"])
        .run()
        .status(1)
        .out("")
        .err("chmod: cannot access 'nofile': No such file or directory\n");
    cmd("chmod")
        .args(["-f", "644", "nofile"])
        .run()
        .status(1)
        .err("");
}

#[test]
fn odd_names() {
    let t = TempDir::new();
    let c = cmd("chmod").cwd(t.path());
    let name = os(b"-a \n\xff");
    let p = t.path().join(&name);
    fs::write(&p, "").expect("write");
    set(&p, 0o600);
    let dir = t.path().to_path_buf();
    c.args([os(b"644"), os(b"--"), name]).run().ok();
    assert_eq!(mode_of(&dir.join(os(b"-a \n\xff"))), 0o644);
}
