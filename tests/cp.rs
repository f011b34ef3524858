//! cp: files, trees, links, special files, what is preserved, existing
//! destinations (-f -i -n -u), --parents, and the errors, as GNU.

use crate::common::*;
use std::fs;
use std::os::unix::fs::{symlink, FileTypeExt, MetadataExt, PermissionsExt};
use std::path::Path;

fn read(p: &Path) -> String {
    String::from_utf8_lossy(&fs::read(p).expect("read")).into_owned()
}

fn mode(p: &Path) -> u32 {
    fs::symlink_metadata(p).expect("stat").permissions().mode() & 0o7777
}

fn set_mtime(p: &Path, secs: i64) {
    let c = std::ffi::CString::new(p.to_string_lossy().as_bytes()).expect("cstring");
    let ts = [libc::timespec {
        tv_sec: secs,
        tv_nsec: 500,
    }; 2];
    // SAFETY: a valid path and two timespecs.
    assert_eq!(
        unsafe {
            libc::utimensat(
                libc::AT_FDCWD,
                c.as_ptr(),
                ts.as_ptr(),
                libc::AT_SYMLINK_NOFOLLOW,
            )
        },
        0
    );
}

#[test]
fn copies_a_file() {
    let t = TempDir::new();
    t.write("a", "hello\n");
    cmd("cp").args(["a", "b"]).cwd(t.path()).run().ok().out("");
    assert_eq!(read(&t.join("b")), "hello\n");
    // Mode less the umask; the time is new.
    fs::set_permissions(t.join("a"), fs::Permissions::from_mode(0o741)).expect("chmod");
    set_mtime(&t.join("a"), 1_000_000);
    sh("umask 022 && cp a c").cwd(t.path()).run().ok();
    assert_eq!(mode(&t.join("c")), 0o741 & !0o022);
    assert_ne!(fs::metadata(t.join("c")).expect("stat").mtime(), 1_000_000);
}

#[test]
fn verbose_and_into_directory() {
    let t = TempDir::new();
    t.write("a", "1");
    t.write("b", "2");
    fs::create_dir(t.join("d")).expect("mkdir");
    cmd("cp")
        .args(["-v", "a", "b", "d"])
        .cwd(t.path())
        .run()
        .ok()
        .out("'a' -> 'd/a'\n'b' -> 'd/b'\n");
    assert_eq!(read(&t.join("d/b")), "2");
    cmd("cp")
        .args(["-t", "d", "-v", "a"])
        .cwd(t.path())
        .run()
        .ok()
        .out("'a' -> 'd/a'\n");
    // -T: the directory is the name, so a file cannot replace it.
    cmd("cp")
        .args(["-T", "a", "d"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("cp: cannot overwrite directory 'd' with non-directory\n");
}

#[test]
fn overwrite_replaces_atomically() {
    let t = TempDir::new();
    t.write("a", "new contents");
    t.write("b", "old");
    fs::set_permissions(t.join("b"), fs::Permissions::from_mode(0o640)).expect("chmod");
    cmd("cp").args(["a", "b"]).cwd(t.path()).run().ok();
    assert_eq!(read(&t.join("b")), "new contents");
    // The old file's mode stays; no temporary file is left behind.
    assert_eq!(mode(&t.join("b")), 0o640);
    assert_eq!(fs::read_dir(t.path()).expect("ls").count(), 2);
    // A link as destination: the file it points to gets the contents.
    t.write("target", "x");
    symlink("target", t.join("l")).expect("symlink");
    cmd("cp").args(["a", "l"]).cwd(t.path()).run().ok();
    assert!(fs::symlink_metadata(t.join("l"))
        .expect("lstat")
        .file_type()
        .is_symlink());
    assert_eq!(read(&t.join("target")), "new contents");
}

#[test]
fn existing_destinations() {
    let t = TempDir::new();
    t.write("a", "A");
    t.write("b", "B");
    cmd("cp").args(["-n", "a", "b"]).cwd(t.path()).run().ok();
    assert_eq!(read(&t.join("b")), "B");
    cmd("cp")
        .args(["-i", "a", "b"])
        .stdin("n\n")
        .cwd(t.path())
        .run()
        .status(0)
        .err("cp: overwrite 'b'? ");
    assert_eq!(read(&t.join("b")), "B");
    cmd("cp")
        .args(["-iv", "a", "b"])
        .stdin("y\n")
        .cwd(t.path())
        .run()
        .status(0)
        .out("'a' -> 'b'\n")
        .err("cp: overwrite 'b'? ");
    assert_eq!(read(&t.join("b")), "A");
    // -u: only when the source is newer.
    t.write("b", "B");
    set_mtime(&t.join("a"), 1_000);
    set_mtime(&t.join("b"), 2_000);
    cmd("cp").args(["-u", "a", "b"]).cwd(t.path()).run().ok();
    assert_eq!(read(&t.join("b")), "B");
    set_mtime(&t.join("b"), 500);
    cmd("cp").args(["-u", "a", "b"]).cwd(t.path()).run().ok();
    assert_eq!(read(&t.join("b")), "A");
    cmd("cp").args(["-u", "a", "new"]).cwd(t.path()).run().ok();
    assert_eq!(read(&t.join("new")), "A");
}

#[test]
fn force_and_remove_destination() {
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        // Root opens read-only files for writing; the temporary-file path
        // is covered elsewhere.
        return;
    }
    let t = TempDir::new();
    t.write("a", "A");
    let b = t.write("b", "B");
    fs::set_permissions(&b, fs::Permissions::from_mode(0o444)).expect("chmod");
    fs::set_permissions(t.path(), fs::Permissions::from_mode(0o555)).expect("chmod");
    cmd("cp")
        .args(["a", "b"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("cp: cannot create regular file 'b': Permission denied\n");
    fs::set_permissions(t.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn recursive_trees() {
    let t = TempDir::new();
    fs::create_dir_all(t.join("s/sub/deeper")).expect("mkdir");
    t.write("s/f", "1");
    t.write("s/sub/g", "2");
    cmd("cp").args(["-rv", "s", "d"]).cwd(t.path()).run().ok()
        .out("'s' -> 'd'\n's/f' -> 'd/f'\n's/sub' -> 'd/sub'\n's/sub/deeper' -> 'd/sub/deeper'\n's/sub/g' -> 'd/sub/g'\n");
    assert_eq!(read(&t.join("d/sub/g")), "2");
    // Into an existing directory: a level below.
    cmd("cp").args(["-R", "s", "d"]).cwd(t.path()).run().ok();
    assert_eq!(read(&t.join("d/s/f")), "1");
    // A trailing slash on the source changes nothing.
    cmd("cp").args(["-r", "s/", "e"]).cwd(t.path()).run().ok();
    assert_eq!(read(&t.join("e/f")), "1");
}

#[test]
fn directory_errors() {
    let t = TempDir::new();
    fs::create_dir_all(t.join("d/sub")).expect("mkdir");
    t.write("f", "");
    let e = |args: &[&str], err: &str| {
        cmd("cp")
            .args(args)
            .cwd(t.path())
            .run()
            .status(1)
            .out("")
            .err(err);
    };
    e(
        &["d", "x"],
        "cp: -r not specified; omitting directory 'd'\n",
    );
    // Refused before anything is made (GNU makes d/sub/d first).
    e(
        &["-r", "d", "d/sub"],
        "cp: cannot copy a directory, 'd', into itself, 'd/sub/d'\n",
    );
    assert!(!t.join("d/sub/d").exists());
    e(
        &["-r", "d", "f"],
        "cp: cannot overwrite non-directory 'f' with directory 'd'\n",
    );
    e(&["f", "f"], "cp: 'f' and 'f' are the same file\n");
    e(&["f", "./f"], "cp: 'f' and './f' are the same file\n");
    symlink("f", t.join("lf")).expect("symlink");
    e(&["f", "lf"], "cp: 'f' and 'lf' are the same file\n");
    e(
        &["nonex", "x"],
        "cp: cannot stat 'nonex': No such file or directory\n",
    );
    e(
        &["f", "f", "nonex"],
        "cp: target 'nonex': No such file or directory\n",
    );
    e(&["f", "f", "f"], "cp: target 'f': Not a directory\n");
    e(
        &["-t", "nonex", "f"],
        "cp: target directory 'nonex': No such file or directory\n",
    );
    e(
        &["f", "no/x"],
        "cp: cannot create regular file 'no/x': No such file or directory\n",
    );
    cmd("cp")
        .run()
        .status(1)
        .err_has("cp: missing file operand\n");
    cmd("cp")
        .arg("f")
        .run()
        .status(1)
        .err_has("cp: missing destination file operand after 'f'\n");
    cmd("cp")
        .args(["-T", "a", "b", "c"])
        .run()
        .status(1)
        .err_has("cp: extra operand 'c'\n");
    // Other operands are still copied.
    cmd("cp")
        .args(["nonex", "f", "d"])
        .cwd(t.path())
        .run()
        .status(1);
    assert!(t.join("d/f").exists());
}

#[test]
fn symlinks() {
    let t = TempDir::new();
    t.write("f", "data");
    symlink("f", t.join("l")).expect("symlink");
    fs::create_dir(t.join("s")).expect("mkdir");
    symlink("../f", t.join("s/up")).expect("symlink");
    // Without -R a link is followed.
    cmd("cp").args(["l", "c1"]).cwd(t.path()).run().ok();
    assert!(fs::symlink_metadata(t.join("c1")).expect("lstat").is_file());
    // -P / -d copy the link.
    cmd("cp").args(["-P", "l", "c2"]).cwd(t.path()).run().ok();
    assert_eq!(
        fs::read_link(t.join("c2"))
            .expect("readlink")
            .to_string_lossy(),
        "f"
    );
    cmd("cp").args(["-d", "l", "c3"]).cwd(t.path()).run().ok();
    assert!(fs::symlink_metadata(t.join("c3"))
        .expect("lstat")
        .file_type()
        .is_symlink());
    // With -R links inside are copied as links; -L follows them.
    cmd("cp").args(["-R", "s", "r1"]).cwd(t.path()).run().ok();
    assert!(fs::symlink_metadata(t.join("r1/up"))
        .expect("lstat")
        .file_type()
        .is_symlink());
    cmd("cp").args(["-RL", "s", "r2"]).cwd(t.path()).run().ok();
    assert_eq!(read(&t.join("r2/up")), "data");
    // -H follows the operand only.
    symlink("s", t.join("ls")).expect("symlink");
    cmd("cp").args(["-RH", "ls", "r3"]).cwd(t.path()).run().ok();
    assert!(fs::symlink_metadata(t.join("r3")).expect("lstat").is_dir());
    assert!(fs::symlink_metadata(t.join("r3/up"))
        .expect("lstat")
        .file_type()
        .is_symlink());
    cmd("cp").args(["-R", "ls", "r4"]).cwd(t.path()).run().ok();
    assert!(fs::symlink_metadata(t.join("r4"))
        .expect("lstat")
        .file_type()
        .is_symlink());
    // A dangling link copies as a link under -R and fails to stat without.
    symlink("nowhere", t.join("dang")).expect("symlink");
    cmd("cp")
        .args(["-R", "dang", "r5"])
        .cwd(t.path())
        .run()
        .ok();
    cmd("cp")
        .args(["dang", "r6"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("cp: cannot stat 'dang': No such file or directory\n");
}

#[test]
fn archive_keeps_everything() {
    let t = TempDir::new();
    fs::create_dir(t.join("s")).expect("mkdir");
    let f = t.write("s/f", "x");
    fs::hard_link(&f, t.join("s/h")).expect("link");
    symlink("f", t.join("s/l")).expect("symlink");
    let c = std::ffi::CString::new(t.join("s/p").to_string_lossy().as_bytes()).expect("cstring");
    // SAFETY: a valid path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    fs::set_permissions(&f, fs::Permissions::from_mode(0o4751)).expect("chmod");
    fs::set_permissions(t.join("s"), fs::Permissions::from_mode(0o750)).expect("chmod");
    set_mtime(&f, 1_234_567);
    set_mtime(&t.join("s/l"), 7_654_321);
    set_mtime(&t.join("s"), 1_111_111);
    cmd("cp").args(["-a", "s", "d"]).cwd(t.path()).run().ok();
    let md = |p: &str| fs::symlink_metadata(t.join(p)).expect("stat");
    assert_eq!(md("d/f").ino(), md("d/h").ino(), "hard links kept");
    assert_ne!(md("d/f").ino(), md("s/f").ino());
    assert_eq!(mode(&t.join("d/f")), 0o4751);
    assert_eq!(
        (md("d/f").mtime(), md("d/f").mtime_nsec()),
        (1_234_567, 500)
    );
    assert_eq!(md("d/l").mtime(), 7_654_321);
    assert!(md("d/p").file_type().is_fifo());
    assert_eq!(mode(&t.join("d")), 0o750);
    assert_eq!(md("d").mtime(), 1_111_111);
    // -r alone makes two separate files and new times.
    cmd("cp").args(["-r", "s", "e"]).cwd(t.path()).run().ok();
    assert_ne!(md("e/f").ino(), md("e/h").ino());
    assert!(md("e/p").file_type().is_fifo());
    // -p keeps mode and times but not links.
    cmd("cp").args(["-p", "s/f", "pf"]).cwd(t.path()).run().ok();
    assert_eq!(mode(&t.join("pf")), 0o4751);
    assert_eq!(md("pf").mtime(), 1_234_567);
    cmd("cp")
        .args(["--preserve=timestamps", "s/f", "pt"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(md("pt").mtime(), 1_234_567);
    cmd("cp")
        .args(["--preserve=bogus", "s/f", "pb"])
        .cwd(t.path())
        .run()
        .status(1)
        .err_has("cp: invalid argument 'bogus' for '--preserve'\n");
    cmd("cp")
        .args(["-a", "--no-preserve=mode", "s/f", "nm"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(md("nm").mtime(), 1_234_567);
}

#[test]
fn device_files() {
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        eprintln!("skipped: making device files needs root");
        return;
    }
    let t = TempDir::new();
    cmd("cp")
        .args(["-a", "/dev/null", "n"])
        .cwd(t.path())
        .run()
        .ok();
    let md = fs::symlink_metadata(t.join("n")).expect("stat");
    assert!(md.file_type().is_char_device());
    assert_eq!(md.rdev(), fs::metadata("/dev/null").expect("stat").rdev());
    // Without -R a device is read like a file.
    cmd("cp").args(["/dev/null", "e"]).cwd(t.path()).run().ok();
    assert!(fs::metadata(t.join("e")).expect("stat").is_file());
}

#[test]
fn sparse_files_stay_sparse() {
    let t = TempDir::new();
    let p = t.join("sparse");
    {
        let f = fs::File::create(&p).expect("create");
        f.set_len(64 << 20).expect("truncate");
        use std::os::unix::fs::FileExt;
        f.write_at(b"start", 0).expect("write");
        f.write_at(b"middle", 32 << 20).expect("write");
        f.write_at(b"end", (64 << 20) - 3).expect("write");
    }
    let src = fs::metadata(&p).expect("stat");
    if src.blocks() * 512 >= src.len() {
        eprintln!("skipped: this file system does not make holes");
        return;
    }
    cmd("cp").args(["sparse", "copy"]).cwd(t.path()).run().ok();
    let dst = fs::metadata(t.join("copy")).expect("stat");
    assert_eq!(dst.len(), 64 << 20);
    assert!(
        dst.blocks() * 512 < 8 << 20,
        "copy is sparse: {} blocks",
        dst.blocks()
    );
    assert_eq!(
        fs::read(&p).expect("read"),
        fs::read(t.join("copy")).expect("read")
    );
}

#[test]
fn links_instead_of_copies() {
    let t = TempDir::new();
    t.write("a", "x");
    cmd("cp").args(["-l", "a", "h"]).cwd(t.path()).run().ok();
    let ino = |n: &str| fs::metadata(t.join(n)).expect("stat").ino();
    assert_eq!(ino("a"), ino("h"));
    cmd("cp").args(["-s", "a", "s"]).cwd(t.path()).run().ok();
    assert_eq!(
        fs::read_link(t.join("s"))
            .expect("readlink")
            .to_string_lossy(),
        "a"
    );
    fs::create_dir_all(t.join("d/e")).expect("mkdir");
    t.write("d/e/f", "y");
    cmd("cp").args(["-rl", "d", "d2"]).cwd(t.path()).run().ok();
    assert_eq!(ino("d/e/f"), ino("d2/e/f"));
    cmd("cp")
        .args(["-ls", "a", "z"])
        .cwd(t.path())
        .run()
        .status(1)
        .err_has("cp: cannot make both hard and symbolic links\n");
}

#[test]
fn parents() {
    let t = TempDir::new();
    fs::create_dir_all(t.join("a/b")).expect("mkdir");
    fs::create_dir(t.join("t")).expect("mkdir");
    t.write("a/b/f", "x");
    cmd("cp")
        .args(["-v", "--parents", "a/b/f", "t"])
        .cwd(t.path())
        .run()
        .ok()
        .out("'a' -> 't/a'\n'a/b' -> 't/a/b'\n'a/b/f' -> 't/a/b/f'\n");
    assert_eq!(read(&t.join("t/a/b/f")), "x");
    cmd("cp")
        .args(["--parents", "a/b/f", "t/a/b/f"])
        .cwd(t.path())
        .run()
        .status(1)
        .err_has("cp: with --parents, the destination must be a directory\n");
}

#[test]
fn fifos_and_odd_names() {
    let t = TempDir::new();
    let name = os(b"-odd \xff\n");
    fs::write(t.join(&name), "z").expect("write");
    cmd("cp")
        .arg("--")
        .arg(&name)
        .arg("copy")
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(read(&t.join("copy")), "z");
    // Reading a fifo without -R takes its data.
    sh("mkfifo p && (echo piped > p &) && cp p out && cat out")
        .run()
        .ok()
        .out("piped\n");
}

#[test]
fn ordinary_user_errors() {
    let Some(user) = unprivileged() else {
        eprintln!("skipped: needs root to run a command as nobody");
        return;
    };
    let t = TempDir::new();
    t.write("secret", "x");
    t.write("a", "A");
    fs::create_dir(t.join("ro")).expect("mkdir");
    give(t.path(), user.0, user.1);
    fs::set_permissions(t.join("secret"), fs::Permissions::from_mode(0o000)).expect("chmod");
    fs::set_permissions(t.join("ro"), fs::Permissions::from_mode(0o555)).expect("chmod");
    cmd("cp")
        .args(["secret", "x"])
        .cwd(t.path())
        .user(user)
        .run()
        .status(1)
        .err("cp: cannot open 'secret' for reading: Permission denied\n");
    cmd("cp")
        .args(["a", "ro/a"])
        .cwd(t.path())
        .user(user)
        .run()
        .status(1)
        .err("cp: cannot create regular file 'ro/a': Permission denied\n");
    // -p as an ordinary user keeps mode and times; ownership quietly stays.
    cmd("cp")
        .args(["-p", "a", "p"])
        .cwd(t.path())
        .user(user)
        .run()
        .ok();
    // A read-only destination in a writable directory is replaced through
    // the temporary file; its mode is kept.
    t.write("dst", "old");
    give(t.path(), user.0, user.1);
    fs::set_permissions(t.join("dst"), fs::Permissions::from_mode(0o444)).expect("chmod");
    fs::set_permissions(t.join("ro"), fs::Permissions::from_mode(0o755)).expect("chmod");
    cmd("cp")
        .args(["a", "dst"])
        .cwd(t.path())
        .user(user)
        .run()
        .ok();
    assert_eq!(read(&t.join("dst")), "A");
    assert_eq!(mode(&t.join("dst")), 0o444);
}
