//! rm: files, -r trees (deep ones too), -d, -f, -i/-I prompts, -v, and the
//! refusals, as GNU.

use crate::common::*;

fn exists(p: &std::path::Path) -> bool {
    std::fs::symlink_metadata(p).is_ok()
}

#[test]
fn files() {
    let t = TempDir::new();
    t.write("a", "");
    t.write("-x", "");
    t.write("b c", "");
    cmd("rm")
        .args(["a", "--", "-x", "b c"])
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    assert!(!exists(&t.join("a")) && !exists(&t.join("-x")) && !exists(&t.join("b c")));
}

#[test]
fn missing_files() {
    let t = TempDir::new();
    t.write("a", "");
    cmd("rm")
        .args(["nonex", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err("rm: cannot remove 'nonex': No such file or directory\n");
    assert!(!exists(&t.join("a")));
    cmd("rm")
        .args(["-f", "nonex", "no/x"])
        .cwd(t.path())
        .run()
        .ok();
    cmd("rm").arg("-f").run().ok();
    cmd("rm").run().status(1).err_has("rm: missing operand\n");
}

#[test]
fn directories() {
    let t = TempDir::new();
    std::fs::create_dir_all(t.join("d")).expect("mkdir");
    std::fs::create_dir_all(t.join("e/f")).expect("mkdir");
    cmd("rm")
        .arg("d")
        .cwd(t.path())
        .run()
        .status(1)
        .err("rm: cannot remove 'd': Is a directory\n");
    cmd("rm")
        .args(["-d", "e"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("rm: cannot remove 'e': Directory not empty\n");
    cmd("rm")
        .args(["-dv", "d"])
        .cwd(t.path())
        .run()
        .ok()
        .out("removed directory 'd'\n");
    assert!(!exists(&t.join("d")));
}

#[test]
fn recursive_verbose() {
    let t = TempDir::new();
    std::fs::create_dir_all(t.join("d/e")).expect("mkdir");
    t.write("d/e/y", "");
    let out = cmd("rm").args(["-rv", "d"]).cwd(t.path()).run();
    out.ok();
    assert_eq!(
        out.stdout_str(),
        "removed 'd/e/y'\nremoved directory 'd/e'\nremoved directory 'd'\n"
    );
    assert!(!exists(&t.join("d")));
    std::fs::create_dir_all(t.join("R/x")).expect("mkdir");
    cmd("rm").args(["-R", "R"]).cwd(t.path()).run().ok();
    assert!(!exists(&t.join("R")));
}

#[test]
fn symlinks_are_removed_not_followed() {
    let t = TempDir::new();
    std::fs::create_dir_all(t.join("d")).expect("mkdir");
    t.write("d/keep", "");
    std::os::unix::fs::symlink("d", t.join("ld")).expect("symlink");
    std::os::unix::fs::symlink("nowhere", t.join("dangling")).expect("symlink");
    std::fs::create_dir_all(t.join("tree")).expect("mkdir");
    std::os::unix::fs::symlink("../d", t.join("tree/up")).expect("symlink");
    cmd("rm").args(["ld", "dangling"]).cwd(t.path()).run().ok();
    cmd("rm").args(["-r", "tree"]).cwd(t.path()).run().ok();
    assert!(t.join("d/keep").exists());
    assert!(!exists(&t.join("ld")) && !exists(&t.join("dangling")) && !exists(&t.join("tree")));
}

#[test]
fn refusals() {
    let t = TempDir::new();
    std::fs::create_dir_all(t.join("d/e")).expect("mkdir");
    let e = |args: &[&str], err: &str| {
        cmd("rm")
            .args(args)
            .cwd(t.path())
            .run()
            .status(1)
            .out("")
            .err(err);
    };
    e(
        &["-r", "."],
        "rm: refusing to remove '.' or '..' directory: skipping '.'\n",
    );
    e(
        &["-rf", ".."],
        "rm: refusing to remove '.' or '..' directory: skipping '..'\n",
    );
    e(
        &["-r", "d/."],
        "rm: refusing to remove '.' or '..' directory: skipping 'd/.'\n",
    );
    e(
        &["-rf", "d/e/.."],
        "rm: refusing to remove '.' or '..' directory: skipping 'd/e/..'\n",
    );
    e(
        &["-r", "./"],
        "rm: refusing to remove '.' or '..' directory: skipping './'\n",
    );
    e(&["-rf", "/"], "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
    assert!(t.join("d/e").is_dir());
}

#[test]
fn read_only_files_with_f() {
    let t = TempDir::new();
    let f = t.write("ro", "");
    std::fs::set_permissions(&f, std::os::unix::fs::PermissionsExt::from_mode(0o444))
        .expect("chmod");
    // stdin is not a terminal: no prompt, even without -f.
    cmd("rm").arg("ro").cwd(t.path()).run().ok();
    assert!(!exists(&f));
}

#[test]
fn interactive_each() {
    let t = TempDir::new();
    t.write("a", "");
    t.write("b", "data");
    cmd("rm")
        .args(["-i", "a", "b"])
        .stdin("n\ny\n")
        .cwd(t.path())
        .run()
        .status(0)
        .out("")
        .err_has("rm: remove regular empty file 'a'? rm: remove regular file 'b'? ");
    assert!(exists(&t.join("a")) && !exists(&t.join("b")));
    std::os::unix::fs::symlink("a", t.join("l")).expect("symlink");
    cmd("rm")
        .args(["-i", "l"])
        .stdin("yes\n")
        .cwd(t.path())
        .run()
        .status(0)
        .err("rm: remove symbolic link 'l'? ");
    assert!(!exists(&t.join("l")));
    // -f after -i wins, and the other way round.
    cmd("rm")
        .args(["-if", "a"])
        .cwd(t.path())
        .run()
        .status(0)
        .err("");
    t.write("a", "");
    cmd("rm")
        .args(["-fi", "a"])
        .stdin("")
        .cwd(t.path())
        .run()
        .status(0)
        .err("rm: remove regular empty file 'a'? ");
    assert!(exists(&t.join("a")));
}

#[test]
fn interactive_trees() {
    let t = TempDir::new();
    std::fs::create_dir_all(t.join("d/s")).expect("mkdir");
    t.write("d/a", "");
    // Descend, keep the empty d/s: d is then not asked about.
    cmd("rm")
        .args(["-ri", "d"])
        .stdin("y\nn\ny\n")
        .cwd(t.path())
        .run()
        .status(0)
        .err("rm: descend into directory 'd'? rm: remove directory 'd/s'? rm: remove regular empty file 'd/a'? ");
    assert!(t.join("d/s").is_dir() && !exists(&t.join("d/a")));
    cmd("rm").args(["-ri", "d"]).stdin("y\ny\ny\n").cwd(t.path()).run().status(0)
        .err("rm: descend into directory 'd'? rm: remove directory 'd/s'? rm: remove directory 'd'? ");
    assert!(!exists(&t.join("d")));
}

#[test]
fn interactive_once() {
    let t = TempDir::new();
    for f in ["a", "b", "c", "d"] {
        t.write(f, "");
    }
    cmd("rm")
        .args(["-I", "a", "b", "c", "d"])
        .stdin("n\n")
        .cwd(t.path())
        .run()
        .status(0)
        .err("rm: remove 4 arguments? ");
    assert!(exists(&t.join("a")));
    // Three or fewer files: no question.
    cmd("rm")
        .args(["-I", "a", "b"])
        .stdin("")
        .cwd(t.path())
        .run()
        .status(0)
        .err("");
    cmd("rm")
        .args(["-rI", "c"])
        .stdin("n\n")
        .cwd(t.path())
        .run()
        .status(0)
        .err("rm: remove 1 argument recursively? ");
    cmd("rm")
        .args(["--interactive=once", "-r", "c", "d"])
        .stdin("y\n")
        .cwd(t.path())
        .run()
        .status(0)
        .err("rm: remove 2 arguments recursively? ");
    assert!(!exists(&t.join("c")) && !exists(&t.join("d")));
    cmd("rm")
        .args(["--interactive=foo", "x"])
        .run()
        .status(1)
        .err_has("rm: invalid argument 'foo' for '--interactive'\n");
}

#[test]
fn unremovable_entries_are_reported_once() {
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        eprintln!("skipped: root removes entries of read-only directories");
        return;
    }
    let t = TempDir::new();
    std::fs::create_dir_all(t.join("a/b")).expect("mkdir");
    t.write("a/b/c", "");
    std::fs::set_permissions(
        t.join("a/b"),
        std::os::unix::fs::PermissionsExt::from_mode(0o555),
    )
    .expect("chmod");
    cmd("rm")
        .args(["-r", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("rm: cannot remove 'a/b/c': Permission denied\n");
    std::fs::set_permissions(
        t.join("a/b"),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .expect("chmod");
}

#[test]
fn deep_trees() {
    // Deeper than PATH_MAX (4096) and than the walk keeps descriptors open.
    let t = TempDir::new();
    let name = "d".repeat(100);
    let c = std::ffi::CString::new(t.path().to_string_lossy().as_bytes()).expect("cstring");
    // SAFETY: plain syscalls on paths we own; descriptors are closed.
    unsafe {
        let mut fd = libc::open(c.as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY);
        assert!(fd >= 0);
        let n = std::ffi::CString::new(name.clone()).expect("cstring");
        for _ in 0..100 {
            assert_eq!(libc::mkdirat(fd, n.as_ptr(), 0o755), 0);
            let next = libc::openat(fd, n.as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY);
            assert!(next >= 0);
            libc::close(fd);
            fd = next;
        }
        let f = std::ffi::CString::new("leaf").expect("cstring");
        let leaf = libc::openat(fd, f.as_ptr(), libc::O_CREAT | libc::O_WRONLY, 0o644);
        assert!(leaf >= 0);
        libc::close(leaf);
        libc::close(fd);
    }
    cmd("rm").args(["-r", &name]).cwd(t.path()).run().ok();
    assert!(!exists(&t.join(&name)));
}

#[test]
fn odd_names() {
    let t = TempDir::new();
    let name = os(b"x\xff\n");
    std::fs::write(t.join(&name), "").expect("write");
    cmd("rm")
        .arg("-v")
        .arg(&name)
        .cwd(t.path())
        .run()
        .ok()
        .out("removed 'x'$'\\377\\n'\n");
    assert!(!exists(&t.join(&name)));
}

#[test]
fn ordinary_user_cannot_remove_from_read_only_directories() {
    let Some(user) = unprivileged() else {
        eprintln!("skipped: needs root to run a command as nobody");
        return;
    };
    let t = TempDir::new();
    std::fs::create_dir_all(t.join("a/b")).expect("mkdir");
    t.write("a/b/c", "");
    t.write("a/keep", "");
    give(t.path(), user.0, user.1);
    std::fs::set_permissions(
        t.join("a/b"),
        std::os::unix::fs::PermissionsExt::from_mode(0o555),
    )
    .expect("chmod");
    cmd("rm")
        .args(["-r", "a"])
        .cwd(t.path())
        .user(user)
        .run()
        .status(1)
        .err("rm: cannot remove 'a/b/c': Permission denied\n");
    // The rest went; the directories holding c stay, without more errors.
    assert!(t.join("a/b/c").exists() && !t.join("a/keep").exists());
    // A read-only file in a writable directory goes without a prompt when
    // stdin is not a terminal, as for root.
    std::fs::set_permissions(
        t.join("a/b"),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .expect("chmod");
    let f = t.join("a/b/c");
    std::fs::set_permissions(&f, std::os::unix::fs::PermissionsExt::from_mode(0o444))
        .expect("chmod");
    cmd("rm").arg("a/b/c").cwd(t.path()).user(user).run().ok();
    assert!(!f.exists());
}

#[test]
fn odd_bytes_in_messages_are_one_escape_run() {
    // GNU coreutils 9.1: rm -- 'a\303\251b' '\303\251\377' 'a\n\tb', all
    // missing; in C.UTF-8 é is printable, the stray \377 is not.
    let t = TempDir::new();
    let names = [os(b"a\xc3\xa9b"), os(b"\xc3\xa9\xff"), os(b"a\n\tb")];
    cmd("rm")
        .args(&names)
        .cwd(t.path())
        .run()
        .status(1)
        .err(concat!(
            r"rm: cannot remove 'a'$'\303\251''b': No such file or directory",
            "\n",
            r"rm: cannot remove ''$'\303\251\377': No such file or directory",
            "\n",
            r"rm: cannot remove 'a'$'\n\t''b': No such file or directory",
            "\n"
        ));
    cmd("rm")
        .env("LC_ALL", "C.UTF-8")
        .args(&names)
        .cwd(t.path())
        .run()
        .status(1)
        .err(concat!(
            "rm: cannot remove 'a\u{e9}b': No such file or directory\n",
            "rm: cannot remove '\u{e9}'$'\\377': No such file or directory\n",
            r"rm: cannot remove 'a'$'\n\t''b': No such file or directory",
            "\n"
        ));
}
