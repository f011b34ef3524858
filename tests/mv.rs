//! mv: renames, moves into directories, existing destinations, across file
//! systems (source kept on failure), and the errors, as GNU.

use crate::common::*;
use std::fs;
use std::os::unix::fs::{symlink, MetadataExt, PermissionsExt};

fn read(p: &std::path::Path) -> String {
    String::from_utf8_lossy(&fs::read(p).expect("read")).into_owned()
}

#[test]
fn renames() {
    let t = TempDir::new();
    t.write("a", "1");
    let ino = fs::metadata(t.join("a")).expect("stat").ino();
    cmd("mv").args(["a", "b"]).cwd(t.path()).run().ok().out("");
    assert!(!t.join("a").exists());
    assert_eq!(fs::metadata(t.join("b")).expect("stat").ino(), ino);
    cmd("mv")
        .args(["-v", "b", "c"])
        .cwd(t.path())
        .run()
        .ok()
        .out("renamed 'b' -> 'c'\n");
    t.write("d", "2");
    cmd("mv").args(["c", "d"]).cwd(t.path()).run().ok();
    assert_eq!(read(&t.join("d")), "1");
}

#[test]
fn into_directories() {
    let t = TempDir::new();
    t.write("a", "");
    t.write("b", "");
    fs::create_dir(t.join("d")).expect("mkdir");
    cmd("mv")
        .args(["-v", "a", "b", "d"])
        .cwd(t.path())
        .run()
        .ok()
        .out("renamed 'a' -> 'd/a'\nrenamed 'b' -> 'd/b'\n");
    cmd("mv").args(["-t", ".", "d/a"]).cwd(t.path()).run().ok();
    assert!(t.join("a").exists());
    fs::create_dir(t.join("e")).expect("mkdir");
    cmd("mv").args(["-T", "e", "f"]).cwd(t.path()).run().ok();
    assert!(t.join("f").is_dir());
    // A directory moves over an empty one, not a full one.
    fs::create_dir(t.join("g")).expect("mkdir");
    cmd("mv").args(["-T", "f", "g"]).cwd(t.path()).run().ok();
    assert!(!t.join("f").exists());
    cmd("mv")
        .args(["-T", "g", "d"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("mv: cannot move 'g' to 'd': Directory not empty\n");
    // A link to a directory is moved, not followed.
    symlink("d", t.join("ld")).expect("symlink");
    cmd("mv").args(["ld", "ld2"]).cwd(t.path()).run().ok();
    assert!(fs::symlink_metadata(t.join("ld2"))
        .expect("lstat")
        .file_type()
        .is_symlink());
}

#[test]
fn existing_destinations() {
    let t = TempDir::new();
    t.write("a", "A");
    t.write("b", "B");
    cmd("mv").args(["-n", "a", "b"]).cwd(t.path()).run().ok();
    assert_eq!(read(&t.join("b")), "B");
    cmd("mv")
        .args(["-i", "a", "b"])
        .stdin("n\n")
        .cwd(t.path())
        .run()
        .status(0)
        .err("mv: overwrite 'b'? ");
    assert!(t.join("a").exists());
    cmd("mv")
        .args(["-fi", "a", "b"])
        .stdin("y\n")
        .cwd(t.path())
        .run()
        .status(0)
        .err("mv: overwrite 'b'? ");
    assert_eq!(read(&t.join("b")), "A");
    t.write("a", "A2");
    cmd("mv").args(["-if", "a", "b"]).cwd(t.path()).run().ok();
    assert_eq!(read(&t.join("b")), "A2");
    // -u
    t.write("old", "old");
    t.write("new", "new");
    let set = |n: &str, s: i64| {
        let c = std::ffi::CString::new(t.join(n).to_string_lossy().as_bytes()).expect("cstring");
        let ts = [libc::timespec {
            tv_sec: s,
            tv_nsec: 0,
        }; 2];
        // SAFETY: a valid path and two timespecs.
        unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ts.as_ptr(), 0) };
    };
    set("old", 1000);
    set("new", 2000);
    cmd("mv")
        .args(["-u", "old", "new"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(read(&t.join("new")), "new");
    assert!(t.join("old").exists());
    cmd("mv")
        .args(["-u", "new", "old"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(read(&t.join("old")), "new");
    // Read-only destination, stdin not a terminal: replaced without asking.
    t.write("ro", "ro");
    fs::set_permissions(t.join("ro"), fs::Permissions::from_mode(0o444)).expect("chmod");
    cmd("mv").args(["old", "ro"]).cwd(t.path()).run().ok();
    assert_eq!(read(&t.join("ro")), "new");
}

#[test]
fn errors() {
    let t = TempDir::new();
    t.write("f", "");
    fs::create_dir_all(t.join("d/sub")).expect("mkdir");
    let e = |args: &[&str], err: &str| {
        cmd("mv")
            .args(args)
            .cwd(t.path())
            .run()
            .status(1)
            .out("")
            .err(err);
    };
    e(
        &["nonex", "x"],
        "mv: cannot stat 'nonex': No such file or directory\n",
    );
    e(&["f", "f"], "mv: 'f' and 'f' are the same file\n");
    e(
        &["d", "d/sub"],
        "mv: cannot move 'd' to a subdirectory of itself, 'd/sub/d'\n",
    );
    e(
        &["f", "d/sub", "nonex"],
        "mv: target 'nonex': No such file or directory\n",
    );
    e(
        &["-t", "nonex", "f"],
        "mv: target directory 'nonex': No such file or directory\n",
    );
    e(
        &["-T", "f", "d"],
        "mv: cannot overwrite directory 'd' with non-directory\n",
    );
    e(
        &["-T", "d", "f"],
        "mv: cannot overwrite non-directory 'f' with directory 'd'\n",
    );
    e(
        &["f", "no/x"],
        "mv: cannot move 'f' to 'no/x': No such file or directory\n",
    );
    cmd("mv")
        .run()
        .status(1)
        .err_has("mv: missing file operand\n");
    cmd("mv")
        .arg("f")
        .run()
        .status(1)
        .err_has("mv: missing destination file operand after 'f'\n");
    assert!(t.join("f").exists() && t.join("d/sub").is_dir());
}

/// A directory on another file system than the temp dirs, if there is one.
fn other_fs(t: &TempDir) -> Option<std::path::PathBuf> {
    let here = fs::metadata(t.path()).ok()?.dev();
    for cand in ["/dev/shm", "/run", "/var/tmp"] {
        let p = std::path::Path::new(cand);
        if fs::metadata(p).is_ok_and(|m| m.dev() != here) {
            let d = p.join(format!(
                "oxbox-mv-test-{}-{}",
                std::process::id(),
                t.path().display().to_string().len()
            ));
            if fs::create_dir(&d).is_ok() {
                return Some(d);
            }
        }
    }
    None
}

#[test]
fn across_file_systems() {
    let t = TempDir::new();
    let Some(other) = other_fs(&t) else {
        eprintln!("skipped: no second file system to move across");
        return;
    };
    fs::create_dir_all(t.join("tree/sub")).expect("mkdir");
    let f = t.write("tree/sub/f", "data");
    fs::hard_link(&f, t.join("tree/h")).expect("link");
    symlink("sub/f", t.join("tree/l")).expect("symlink");
    fs::set_permissions(&f, fs::Permissions::from_mode(0o640)).expect("chmod");
    let dst = other.join("tree");
    let out = cmd("mv").arg("-v").arg(t.join("tree")).arg(&dst).run();
    out.ok();
    let text = out.stdout_str();
    assert!(text.contains("created directory"), "{text}");
    assert!(text.contains("removed directory"), "{text}");
    assert!(!t.join("tree").exists());
    assert_eq!(read(&dst.join("sub/f")), "data");
    let md = |p: &str| fs::symlink_metadata(dst.join(p)).expect("stat");
    assert_eq!(md("sub/f").ino(), md("h").ino());
    assert_eq!(md("sub/f").permissions().mode() & 0o777, 0o640);
    assert!(md("l").file_type().is_symlink());
    // A single file, onto an existing one.
    let g = t.write("g", "new");
    fs::write(other.join("g"), "old").expect("write");
    cmd("mv").arg(&g).arg(other.join("g")).run().ok();
    assert_eq!(read(&other.join("g")), "new");
    assert!(!g.exists());
    // A failed copy keeps the source.
    let h = t.write("h", "keep");
    cmd("mv")
        .arg(&h)
        .arg(other.join("no/such/dir/h"))
        .run()
        .status(1);
    assert_eq!(read(&h), "keep");
    fs::remove_dir_all(&other).expect("cleanup");
}
