//! df: headers and columns of each format, file operands, type filters,
//! figures checked against statvfs, and the errors. The mounts differ from
//! machine to machine, so the checks are about the form and the root.

use crate::common::*;

#[allow(clippy::unnecessary_cast)]
fn statvfs(p: &str) -> libc::statvfs {
    let c = std::ffi::CString::new(p).expect("cstring");
    // SAFETY: an all-zero statvfs is valid; `c` is NUL-terminated.
    let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::statvfs(c.as_ptr(), &mut s) }, 0);
    s
}

fn fields(line: &str) -> Vec<String> {
    line.split_whitespace().map(str::to_string).collect()
}

#[test]
#[allow(clippy::unnecessary_cast)]
fn one_file_system() {
    let out = cmd("df").arg("/").run();
    out.ok();
    let text = out.stdout_str();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("Filesystem     1K-blocks"),
        "{}",
        lines[0]
    );
    assert!(lines[0].ends_with("Used Available Use% Mounted on"));
    let f = fields(lines[1]);
    assert_eq!(f.last().map(String::as_str), Some("/"));
    let s = statvfs("/");
    let total = (s.f_blocks as u64 * s.f_frsize as u64).div_ceil(1024);
    assert_eq!(f[1], total.to_string());
    assert!(f[4].ends_with('%'));
    // Numbers are right-aligned under their headers.
    let h = lines[0].find("1K-blocks").expect("header") + "1K-blocks".len();
    assert_eq!(lines[1].find(&f[1]).expect("value") + f[1].len(), h);
}

#[test]
#[allow(clippy::unnecessary_cast)]
fn formats() {
    let p = cmd("df").args(["-P", "/"]).run();
    p.ok();
    assert!(
        p.stdout_str()
            .lines()
            .next()
            .expect("header")
            .contains("1024-blocks      Used Available Capacity Mounted on")
            || p.stdout_str()
                .lines()
                .next()
                .expect("header")
                .contains("1024-blocks")
    );
    assert!(p.stdout_str().contains("Capacity"));
    let h = cmd("df").args(["-h", "/"]).run();
    h.ok();
    assert!(
        h.stdout_str()
            .starts_with("Filesystem      Size  Used Avail Use% Mounted on\n"),
        "{}",
        h.stdout_str()
    );
    let m = cmd("df").args(["-m", "/"]).run();
    assert!(m.stdout_str().starts_with("Filesystem     1M-blocks"));
    let s = statvfs("/");
    let total_m = (s.f_blocks as u64 * s.f_frsize as u64).div_ceil(1 << 20);
    assert_eq!(
        fields(m.stdout_str().lines().nth(1).expect("row"))[1],
        total_m.to_string()
    );
    let i = cmd("df").args(["-i", "/"]).run();
    i.ok();
    let text = i.stdout_str();
    assert!(
        text.lines()
            .next()
            .expect("header")
            .ends_with("Inodes  IUsed    IFree IUse% Mounted on")
            || text.contains("IUse% Mounted on")
    );
    assert_eq!(
        fields(text.lines().nth(1).expect("row"))[1],
        (s.f_files as u64).to_string()
    );
    let t = cmd("df").args(["-T", "/"]).run();
    t.ok();
    let hdr = fields(t.stdout_str().lines().next().expect("header"));
    assert_eq!(hdr[..2], ["Filesystem".to_string(), "Type".to_string()]);
}

#[test]
fn listing_and_filters() {
    let all = cmd("df").run();
    all.ok();
    let text = all.stdout_str();
    assert!(text.lines().count() >= 2);
    // No pseudo file systems without -a.
    assert!(!text
        .lines()
        .any(|l| fields(l).last().is_some_and(|m| m == "/proc")));
    let a = cmd("df").arg("-a").run().stdout_str();
    assert!(a.lines().count() >= text.lines().count());
    let root_type = {
        let t = cmd("df").args(["-T", "/"]).run().stdout_str();
        fields(t.lines().nth(1).expect("row"))[1].clone()
    };
    let only = cmd("df").args(["-T", "-t", &root_type]).run();
    only.ok();
    for l in only.stdout_str().lines().skip(1) {
        assert_eq!(fields(l)[1], root_type);
    }
    let ex = cmd("df").args(["-T", "-x", &root_type]).run();
    for l in ex.stdout_str().lines().skip(1) {
        assert_ne!(fields(l)[1], root_type);
    }
    cmd("df")
        .args(["-t", "no-such-type"])
        .run()
        .status(1)
        .out("")
        .err("df: no file systems processed\n");
    let total = cmd("df").args(["--total", "/"]).run();
    total.ok();
    let last = total
        .stdout_str()
        .lines()
        .last()
        .expect("total")
        .to_string();
    assert!(last.starts_with("total ") && last.ends_with(" -"), "{last}");
}

#[test]
fn file_operands() {
    let t = TempDir::new();
    t.write("f", "");
    let out = cmd("df").arg("f").arg("nonex").cwd(t.path()).run();
    out.status(1).err("df: nonex: No such file or directory\n");
    assert_eq!(out.stdout_str().lines().count(), 2);
}
