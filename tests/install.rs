//! install: modes, owners, -d, -D, -t, -C, -p, -s, -v, and the errors.

use crate::common::*;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

fn mode(p: &std::path::Path) -> u32 {
    fs::symlink_metadata(p).expect("stat").permissions().mode() & 0o7777
}

#[test]
fn installs_files() {
    let t = TempDir::new();
    t.write("a", "hi\n");
    fs::set_permissions(t.join("a"), fs::Permissions::from_mode(0o600)).expect("chmod");
    cmd("install")
        .args(["-v", "a", "b"])
        .cwd(t.path())
        .run()
        .ok()
        .out("'a' -> 'b'\n");
    assert_eq!(mode(&t.join("b")), 0o755);
    assert_eq!(fs::read(t.join("b")).expect("read"), b"hi\n");
    cmd("install")
        .args(["-m", "644", "a", "c"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(mode(&t.join("c")), 0o644);
    // Symbolic modes start from no bits.
    cmd("install")
        .args(["-m", "u+x", "a", "d"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(mode(&t.join("d")), 0o100);
    cmd("install")
        .args(["-m", "4755", "a", "e"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(mode(&t.join("e")), 0o4755);
    // Replacing: GNU's "removed" line under -v.
    cmd("install")
        .args(["-v", "a", "b"])
        .cwd(t.path())
        .run()
        .ok()
        .out("removed 'b'\n'a' -> 'b'\n");
    fs::create_dir(t.join("dir")).expect("mkdir");
    cmd("install")
        .args(["a", "b", "dir"])
        .cwd(t.path())
        .run()
        .ok();
    assert!(t.join("dir/a").exists() && t.join("dir/b").exists());
    cmd("install")
        .args(["-t", "dir", "-m", "600", "c"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(mode(&t.join("dir/c")), 0o600);
}

#[test]
fn directories() {
    let t = TempDir::new();
    cmd("install").args(["-dv", "x/y/z", "w"]).cwd(t.path()).run().ok()
        .out("install: creating directory 'x'\ninstall: creating directory 'x/y'\ninstall: creating directory 'x/y/z'\ninstall: creating directory 'w'\n");
    assert_eq!(mode(&t.join("x/y/z")), 0o755);
    cmd("install")
        .args(["-d", "-m", "700", "m", "x"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(mode(&t.join("m")), 0o700);
    // An existing directory gets the mode too.
    assert_eq!(mode(&t.join("x")), 0o700);
}

#[test]
fn leading_directories() {
    let t = TempDir::new();
    t.write("a", "x");
    cmd("install")
        .args(["-Dv", "a", "p/q/r"])
        .cwd(t.path())
        .run()
        .ok()
        .out(
            "install: creating directory 'p'\ninstall: creating directory 'p/q'\n'a' -> 'p/q/r'\n",
        );
    cmd("install")
        .args(["-D", "-t", "t/u", "a"])
        .cwd(t.path())
        .run()
        .ok();
    assert!(t.join("t/u/a").exists());
}

#[test]
fn owners_and_times() {
    let t = TempDir::new();
    t.write("a", "x");
    let c = std::ffi::CString::new(t.join("a").to_string_lossy().as_bytes()).expect("cstring");
    let ts = [libc::timespec {
        tv_sec: 123_456,
        tv_nsec: 0,
    }; 2];
    // SAFETY: a valid path and two timespecs.
    unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ts.as_ptr(), 0) };
    cmd("install")
        .args(["-p", "a", "b"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(fs::metadata(t.join("b")).expect("stat").mtime(), 123_456);
    // SAFETY: getuid/getgid cannot fail.
    let (uid, gid) = unsafe { (libc::getuid(), libc::getgid()) };
    cmd("install")
        .args(["-o", &uid.to_string(), "-g", &gid.to_string(), "a", "c"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(fs::metadata(t.join("c")).expect("stat").uid(), uid);
}

#[test]
fn compare() {
    let t = TempDir::new();
    t.write("a", "x");
    cmd("install")
        .args(["-m", "644", "a", "b"])
        .cwd(t.path())
        .run()
        .ok();
    let ino = fs::metadata(t.join("b")).expect("stat").ino();
    cmd("install")
        .args(["-C", "-v", "-m", "644", "a", "b"])
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    assert_eq!(fs::metadata(t.join("b")).expect("stat").ino(), ino);
    // A different mode is a difference.
    cmd("install")
        .args(["-C", "-m", "600", "a", "b"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(mode(&t.join("b")), 0o600);
}

#[test]
fn strip() {
    let t = TempDir::new();
    t.write("a", "not an object file");
    // A strip program that fails: the copy is removed.
    cmd("install")
        .args(["-s", "--strip-program=false", "a", "b"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("install: strip process terminated abnormally\n");
    assert!(!t.join("b").exists());
    cmd("install")
        .args(["-s", "a", "c"])
        .env("STRIPPROG", "true")
        .cwd(t.path())
        .run()
        .ok();
    assert!(t.join("c").exists());
    cmd("install")
        .args(["-s", "--strip-program=/nonexistent/strip", "a", "d"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("install: cannot run '/nonexistent/strip': No such file or directory\n");
}

#[test]
fn errors() {
    let t = TempDir::new();
    t.write("a", "");
    fs::create_dir(t.join("d")).expect("mkdir");
    let e = |args: &[&str], err: &str| {
        cmd("install")
            .args(args)
            .cwd(t.path())
            .run()
            .status(1)
            .out("")
            .err(err);
    };
    e(
        &["a", "nonex/x"],
        "install: cannot create regular file 'nonex/x': No such file or directory\n",
    );
    e(
        &["nonex", "x"],
        "install: cannot stat 'nonex': No such file or directory\n",
    );
    e(&["d", "e"], "install: omitting directory 'd'\n");
    e(&["-m", "zz", "a", "f"], "install: invalid mode 'zz'\n");
    e(
        &["-o", "no-such-user-x", "a", "g"],
        "install: invalid user 'no-such-user-x'\n",
    );
    e(
        &["-g", "no-such-group-x", "a", "g"],
        "install: invalid group 'no-such-group-x'\n",
    );
    e(
        &["-t", "nonex", "a"],
        "install: failed to access 'nonex': No such file or directory\n",
    );
    e(&["a", "a", "a"], "install: target 'a': Not a directory\n");
    cmd("install")
        .run()
        .status(1)
        .err_has("install: missing file operand\n");
    cmd("install")
        .arg("a")
        .run()
        .status(1)
        .err_has("install: missing destination file operand after 'a'\n");
}
