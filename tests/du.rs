//! du: sizes in blocks and bytes, -a -s -d -c -h -m -b -l -L -H -x -0,
//! hard links once, deep trees, errors. Files are made of zeros written
//! out, so their block counts are fixed; expected figures come from the
//! file system (st_blocks) rather than constants.

use crate::common::*;
use std::fs;
use std::os::unix::fs::MetadataExt;

fn blocks_k(p: &std::path::Path) -> u64 {
    (fs::symlink_metadata(p).expect("stat").blocks() * 512).div_ceil(1024)
}

fn sorted(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s.lines().map(str::to_string).collect();
    v.sort();
    v
}

fn tree(t: &TempDir) {
    fs::create_dir_all(t.join("a/b/c")).expect("mkdir");
    t.write("a/f", vec![0u8; 5000]);
    t.write("a/b/g", vec![0u8; 100]);
    fs::hard_link(t.join("a/f"), t.join("a/h")).expect("link");
}

#[test]
fn directories_after_their_contents() {
    let t = TempDir::new();
    tree(&t);
    let k = |p: &str| blocks_k(&t.join(p));
    let c = k("a/b/c");
    let out = cmd("du").arg("a").cwd(t.path()).run();
    out.ok();
    let lines: Vec<&str> = out
        .stdout
        .split(|&x| x == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| std::str::from_utf8(l).expect("utf8"))
        .collect();
    // Post-order: a/b/c before a/b before a.
    let names: Vec<&str> = lines
        .iter()
        .map(|l| l.split('\t').nth(1).expect("tab"))
        .collect();
    assert_eq!(names.len(), 3);
    assert_eq!(names[2], "a");
    assert!(names.iter().position(|n| *n == "a/b/c") < names.iter().position(|n| *n == "a/b"));
    let size_of = |name: &str| -> u64 {
        lines
            .iter()
            .find(|l| l.ends_with(&format!("\t{name}")))
            .expect("line")
            .split('\t')
            .next()
            .expect("n")
            .parse()
            .expect("num")
    };
    assert_eq!(size_of("a/b/c"), c);
    assert_eq!(size_of("a/b"), k("a/b") + k("a/b/g") + c);
    // The hard link a/h counts once.
    assert_eq!(size_of("a"), k("a") + k("a/f") + size_of("a/b"));
}

#[test]
fn all_summary_depth_total() {
    let t = TempDir::new();
    tree(&t);
    let out = cmd("du").args(["-a", "a"]).cwd(t.path()).run();
    out.ok();
    let names: Vec<String> = sorted(&out.stdout_str())
        .iter()
        .map(|l| l.split('\t').nth(1).expect("tab").to_string())
        .collect();
    // a/h is the same file as a/f: listed once.
    assert_eq!(
        names.iter().filter(|n| *n == "a/f" || *n == "a/h").count(),
        1
    );
    assert!(names.contains(&"a/b/g".to_string()));
    let s = cmd("du").args(["-s", "a"]).cwd(t.path()).run();
    s.ok();
    let full = cmd("du").arg("a").cwd(t.path()).run().stdout_str();
    let a_line = full.lines().last().expect("a").to_string();
    assert_eq!(s.stdout_str(), format!("{a_line}\n"));
    let d1 = cmd("du").args(["-d", "1", "a"]).cwd(t.path()).run();
    let mut n: Vec<String> = sorted(&d1.stdout_str())
        .iter()
        .map(|l| l.split('\t').nth(1).expect("tab").to_string())
        .collect();
    n.sort();
    assert_eq!(n, ["a", "a/b"]);
    cmd("du")
        .args(["--max-depth=0", "a"])
        .cwd(t.path())
        .run()
        .ok()
        .out(format!("{a_line}\n"));
    let c = cmd("du").args(["-sc", "a", "a/b"]).cwd(t.path()).run();
    c.ok();
    let text = c.stdout_str();
    let last = text.lines().last().expect("total");
    assert!(last.ends_with("\ttotal"));
    // a/b was counted inside a already.
    let a_size: u64 = a_line.split('\t').next().expect("n").parse().expect("num");
    assert_eq!(last, format!("{a_size}\ttotal"));
}

#[test]
fn units() {
    let t = TempDir::new();
    t.write("f", vec![0u8; 5000]);
    cmd("du")
        .args(["-b", "f"])
        .cwd(t.path())
        .run()
        .ok()
        .out("5000\tf\n");
    cmd("du")
        .args(["--apparent-size", "f"])
        .cwd(t.path())
        .run()
        .ok()
        .out("5\tf\n");
    cmd("du")
        .args(["--apparent-size", "-h", "f"])
        .cwd(t.path())
        .run()
        .ok()
        .out("4.9K\tf\n");
    cmd("du")
        .args(["-b", "-m", "f"])
        .cwd(t.path())
        .run()
        .ok()
        .out("1\tf\n");
    let k = blocks_k(&t.join("f"));
    cmd("du")
        .args(["-k", "f"])
        .cwd(t.path())
        .run()
        .ok()
        .out(format!("{k}\tf\n"));
    cmd("du")
        .args(["-0", "-b", "f"])
        .cwd(t.path())
        .run()
        .ok()
        .out("5000\tf\0");
    t.write("big", vec![1u8; 3 << 20]);
    cmd("du")
        .args(["-b", "-h", "big"])
        .cwd(t.path())
        .run()
        .ok()
        .out("3.0M\tbig\n");
    cmd("du")
        .args(["-b", "--si", "big"])
        .cwd(t.path())
        .run()
        .ok()
        .out("3.2M\tbig\n");
}

#[test]
fn links() {
    let t = TempDir::new();
    tree(&t);
    // -l counts each link.
    let plain: u64 = cmd("du")
        .args(["-sb", "a"])
        .cwd(t.path())
        .run()
        .stdout_str()
        .split('\t')
        .next()
        .expect("n")
        .parse()
        .expect("num");
    let counted: u64 = cmd("du")
        .args(["-sbl", "a"])
        .cwd(t.path())
        .run()
        .stdout_str()
        .split('\t')
        .next()
        .expect("n")
        .parse()
        .expect("num");
    assert_eq!(counted, plain + 5000);
    // Symlinks: not followed, -H for operands, -L everywhere (a file
    // reached twice counts once).
    std::os::unix::fs::symlink("a", t.join("la")).expect("symlink");
    std::os::unix::fs::symlink("f", t.join("a/lf")).expect("symlink");
    let only_link = cmd("du").args(["-sb", "la"]).cwd(t.path()).run();
    assert_eq!(only_link.stdout_str(), "1\tla\n");
    let h: u64 = cmd("du")
        .args(["-sbH", "la"])
        .cwd(t.path())
        .run()
        .stdout_str()
        .split('\t')
        .next()
        .expect("n")
        .parse()
        .expect("num");
    let l: u64 = cmd("du")
        .args(["-sbL", "la"])
        .cwd(t.path())
        .run()
        .stdout_str()
        .split('\t')
        .next()
        .expect("n")
        .parse()
        .expect("num");
    assert_eq!(h, plain + 1, "the link a/lf itself");
    assert_eq!(l, plain, "a/lf leads to a/f, counted already");
}

#[test]
fn errors() {
    let t = TempDir::new();
    t.write("f", "");
    cmd("du")
        .args(["nonex", "f"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("du: cannot access 'nonex': No such file or directory\n");
    cmd("du")
        .args(["-d", "x"])
        .run()
        .status(1)
        .err("du: invalid maximum depth 'x'\n");
    cmd("du")
        .args(["-sa"])
        .run()
        .status(1)
        .err_has("du: cannot both summarize and show all entries\n");
    cmd("du")
        .args(["-s", "-d", "1"])
        .run()
        .status(1)
        .err_has("du: warning: summarizing conflicts with --max-depth=1\n");
}

#[test]
fn default_operand_and_deep_trees() {
    let t = TempDir::new();
    let name = "d".repeat(200);
    let mut p = t.path().to_path_buf();
    // 30 levels of 200 bytes: deeper than PATH_MAX.
    let c = std::ffi::CString::new(t.path().to_string_lossy().as_bytes()).expect("cstring");
    // SAFETY: plain syscalls on paths we own; descriptors are closed.
    unsafe {
        let mut fd = libc::open(c.as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY);
        let n = std::ffi::CString::new(name.clone()).expect("cstring");
        for _ in 0..30 {
            assert_eq!(libc::mkdirat(fd, n.as_ptr(), 0o755), 0);
            let next = libc::openat(fd, n.as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY);
            libc::close(fd);
            fd = next;
        }
        libc::close(fd);
    }
    p.push(&name);
    let out = cmd("du").cwd(t.path()).run();
    out.ok();
    assert_eq!(out.stdout_str().lines().count(), 31);
    assert!(out.stdout_str().ends_with("\t.\n"));
}
