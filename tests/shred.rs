//! shred: passes, -z, -s, -x, -f, -u renames, -v lines, and errors.

use crate::common::*;
use std::fs;

#[test]
fn overwrites_in_place() {
    let t = TempDir::new();
    t.write("f", "secret data\n");
    cmd("shred").arg("f").cwd(t.path()).run().ok().out("");
    let data = fs::read(t.join("f")).expect("read");
    // Rounded up to the block size, and the old text is gone.
    let blk = {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(t.join("f")).expect("stat").blksize() as usize
    };
    assert_eq!(data.len(), blk);
    assert!(!data.windows(6).any(|w| w == b"secret"));
    t.write("x", "abc");
    cmd("shred").args(["-x", "x"]).cwd(t.path()).run().ok();
    assert_eq!(fs::metadata(t.join("x")).expect("stat").len(), 3);
}

#[test]
fn zero_and_size() {
    let t = TempDir::new();
    t.write("f", "hello world");
    cmd("shred")
        .args(["-x", "-z", "f"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(fs::read(t.join("f")).expect("read"), vec![0u8; 11]);
    t.write("g", "hello world");
    cmd("shred")
        .args(["-n", "0", "-z", "-s", "5", "g"])
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(fs::read(t.join("g")).expect("read"), b"\0\0\0\0\0 world");
}

#[test]
fn verbose_passes() {
    let t = TempDir::new();
    t.write("f", "x");
    cmd("shred").args(["-v", "f"]).cwd(t.path()).run().status(0).out("")
        .err("shred: f: pass 1/3 (random)...\nshred: f: pass 2/3 (random)...\nshred: f: pass 3/3 (random)...\n");
    cmd("shred").args(["-vz", "-n", "2", "f"]).cwd(t.path()).run().status(0)
        .err("shred: f: pass 1/3 (random)...\nshred: f: pass 2/3 (random)...\nshred: f: pass 3/3 (000000)...\n");
    cmd("shred").args(["-v", "-n", "5", "f"]).cwd(t.path()).run().status(0)
        .err("shred: f: pass 1/5 (random)...\nshred: f: pass 2/5 (000000)...\nshred: f: pass 3/5 (random)...\nshred: f: pass 4/5 (ffffff)...\nshred: f: pass 5/5 (random)...\n");
}

#[test]
fn remove() {
    let t = TempDir::new();
    t.write("aaaa", "x");
    cmd("shred").args(["-u", "-v", "-n", "1", "aaaa"]).cwd(t.path()).run().status(0)
        .err("shred: aaaa: pass 1/1 (random)...\nshred: aaaa: removing\nshred: aaaa: renamed to 0000\nshred: 0000: renamed to 000\nshred: 000: renamed to 00\nshred: 00: renamed to 0\nshred: aaaa: removed\n");
    assert_eq!(fs::read_dir(t.path()).expect("ls").count(), 0);
    fs::create_dir(t.join("d")).expect("mkdir");
    t.write("d/ab", "x");
    cmd("shred").args(["-v", "-n", "0", "--remove=wipe", "d/ab"]).cwd(t.path()).run().status(0)
        .err("shred: d/ab: removing\nshred: d/ab: renamed to d/00\nshred: d/00: renamed to d/0\nshred: d/ab: removed\n");
    t.write("u", "x");
    cmd("shred")
        .args(["-v", "-n", "0", "--remove=unlink", "u"])
        .cwd(t.path())
        .run()
        .status(0)
        .err("shred: u: removing\nshred: u: removed\n");
    assert!(!t.join("u").exists());
}

#[test]
fn force() {
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        eprintln!("skipped: root writes read-only files anyway");
        return;
    }
    let t = TempDir::new();
    let f = t.write("ro", "x");
    fs::set_permissions(&f, std::os::unix::fs::PermissionsExt::from_mode(0o400)).expect("chmod");
    cmd("shred")
        .arg("ro")
        .cwd(t.path())
        .run()
        .status(1)
        .err("shred: ro: failed to open for writing: Permission denied\n");
    cmd("shred").args(["-f", "ro"]).cwd(t.path()).run().ok();
}

#[test]
fn errors() {
    let t = TempDir::new();
    cmd("shred")
        .arg("nonex")
        .cwd(t.path())
        .run()
        .status(1)
        .err("shred: nonex: failed to open for writing: No such file or directory\n");
    cmd("shred")
        .args(["-n", "x", "f"])
        .run()
        .status(1)
        .err("shred: invalid number of passes: 'x'\n");
    cmd("shred")
        .args(["-s", "x", "f"])
        .run()
        .status(1)
        .err("shred: invalid file size: 'x'\n");
    cmd("shred")
        .run()
        .status(1)
        .err_has("shred: missing file operand\n");
}

#[test]
fn force_as_an_ordinary_user() {
    let Some(user) = unprivileged() else {
        eprintln!("skipped: needs root to run a command as nobody");
        return;
    };
    let t = TempDir::new();
    t.write("ro", "x");
    give(t.path(), user.0, user.1);
    fs::set_permissions(
        t.join("ro"),
        std::os::unix::fs::PermissionsExt::from_mode(0o400),
    )
    .expect("chmod");
    cmd("shred")
        .arg("ro")
        .cwd(t.path())
        .user(user)
        .run()
        .status(1)
        .err("shred: ro: failed to open for writing: Permission denied\n");
    cmd("shred")
        .args(["-f", "ro"])
        .cwd(t.path())
        .user(user)
        .run()
        .ok();
}
