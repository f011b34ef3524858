//! stat: formats, default and terse layouts, file systems, errors.

use crate::common::*;
use std::fs;
use std::os::unix::fs::{symlink, MetadataExt, PermissionsExt};
use std::process::Command;

/// A dir with `f` (5 bytes, mode 0640, mtime 2021-02-03 04:05:06.5 UTC),
/// `l -> f`, `e` (empty) and `d/`.
fn tree() -> TempDir {
    let t = TempDir::new();
    let p = t.path();
    fs::write(p.join("f"), "hello").expect("write");
    fs::set_permissions(p.join("f"), fs::Permissions::from_mode(0o640)).expect("chmod");
    let ok = Command::new("/usr/bin/touch")
        .args(["-d", "2021-02-03 04:05:06.5 UTC"])
        .arg(p.join("f"))
        .status()
        .expect("touch")
        .success();
    assert!(ok);
    symlink("f", p.join("l")).expect("symlink");
    fs::write(p.join("e"), "").expect("write");
    fs::create_dir(p.join("d")).expect("mkdir");
    t
}

fn st(t: &TempDir, args: &[&str]) -> Out {
    cmd("stat").cwd(t.path()).args(args).run()
}

#[test]
fn file_directives() {
    let t = tree();
    let md = fs::metadata(t.path().join("f")).expect("stat");
    st(&t, &["-c", "%n %s %a %A %F %h %u %g %U %G", "f"])
        .ok()
        .out("f 5 640 -rw-r----- regular file 1 0 0 root root\n".replace(
            "1 0 0 root root",
            &format!(
                "1 {} {} {} {}",
                md.uid(),
                md.gid(),
                if md.uid() == 0 {
                    "root".to_string()
                } else {
                    md.uid().to_string()
                },
                if md.gid() == 0 {
                    "root".to_string()
                } else {
                    md.gid().to_string()
                }
            ),
        ));
    st(&t, &["-c", "%i %b %B %o %f %d", "f"]).ok().out(format!(
        "{} {} 512 {} 81a0 {}\n",
        md.ino(),
        md.blocks(),
        md.blksize(),
        md.dev()
    ));
    st(&t, &["-c", "%Y %y", "f"])
        .ok()
        .out("1612325106 2021-02-03 04:05:06.500000000 +0000\n");
    st(&t, &["-c", "%F|%F|%F", "e", "d", "l"])
        .ok()
        .out("regular empty file|regular empty file|regular empty file\ndirectory|directory|directory\nsymbolic link|symbolic link|symbolic link\n");
    st(&t, &["-c", "%N", "f", "l"])
        .ok()
        .out("'f'\n'l' -> 'f'\n");
    st(&t, &["-L", "-c", "%N %s %F", "l"])
        .ok()
        .out("'l' 5 regular file\n");
    st(&t, &["-c", "%D", "d"])
        .ok()
        .out(format!("{:x}\n", md.dev()));
}

#[test]
fn widths_flags_and_precision() {
    let t = tree();
    st(&t, &["-c", "[%10s][%-10s][%010s][%+5s][%.3s]", "f"])
        .ok()
        .out("[         5][5         ][0000000005][   +5][005]\n");
    st(&t, &["-c", "[%.3Y][%.0Y][%.12Y][%5.2n][%-4n]", "f"])
        .ok()
        .out("[1612325106.500][1612325106][1612325106.500000000000][    f][f   ]\n");
    st(&t, &["-c", "[%04a][%#a][%%][%Q]", "f"])
        .ok()
        .out("[0640][0640][%][?]\n");
    // Trailing lone %.
    st(&t, &["-c", "x%", "f"]).ok().out("x%\n");
}

#[test]
fn format_versus_printf() {
    let t = tree();
    st(&t, &["-c", r"%n\t%s", "f"]).ok().out("f\\t5\n");
    st(&t, &["--printf", r"%n\t%s\n\x41\101", "f"])
        .ok()
        .out("f\t5\nAA");
    st(&t, &["--printf=%s:", "f", "e"]).ok().out("5:0:");
    st(&t, &["--format=%n", "f", "e"]).ok().out("f\ne\n");
}

#[test]
fn devices() {
    let t = tree();
    st(&t, &["-c", "%Hr %Lr %t %T %F", "/dev/null"])
        .ok()
        .out("1 3 1 3 character special file\n");
}

#[test]
fn default_layout() {
    let t = tree();
    let md = fs::metadata(t.path().join("f")).expect("stat");
    let o = st(&t, &["f"]);
    o.ok();
    let text = o.stdout_str();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "  File: f");
    assert_eq!(
        lines[1],
        format!(
            "  Size: 5         \tBlocks: {:<10} IO Block: {:<6} regular file",
            md.blocks(),
            md.blksize()
        )
    );
    assert!(lines[2].starts_with("Device: "), "{text}");
    assert!(
        lines[2].contains(&format!("\tInode: {:<10}  Links: 1", md.ino())),
        "{text}"
    );
    assert!(
        lines[3].starts_with("Access: (0640/-rw-r-----)  Uid: ("),
        "{text}"
    );
    assert_eq!(lines[5], "Modify: 2021-02-03 04:05:06.500000000 +0000");
    assert!(lines[7].starts_with(" Birth: "), "{text}");
    assert_eq!(lines.len(), 8);
    let o = st(&t, &["l"]);
    assert!(o.stdout_str().starts_with("  File: l -> f\n"));
    let o = st(&t, &["/dev/null"]);
    assert!(
        o.stdout_str().contains("  Links: 1     Device type: 1,3\n"),
        "{}",
        o.stdout_str()
    );
}

#[test]
fn terse() {
    let t = tree();
    let md = fs::metadata(t.path().join("f")).expect("stat");
    let o = st(&t, &["-t", "f"]);
    o.ok();
    let f: Vec<String> = o
        .stdout_str()
        .split_whitespace()
        .map(String::from)
        .collect();
    assert_eq!(f.len(), 16);
    assert_eq!(f[0], "f");
    assert_eq!(f[1], "5");
    assert_eq!(f[3], "81a0");
    assert_eq!(f[7], md.ino().to_string());
    assert_eq!(f[12], "1612325106");
    assert_eq!(f[15], md.blksize().to_string());
}

#[test]
fn file_system() {
    let t = tree();
    let o = st(&t, &["-f", "-c", "%n %l %t %T", "/proc"]);
    o.ok().out("/proc 255 9fa0 proc\n");
    let o = st(&t, &["-f", "."]);
    o.ok();
    let text = o.stdout_str();
    assert!(text.starts_with("  File: \".\"\n    ID: "), "{text}");
    assert!(text.contains("\nBlock size: "), "{text}");
    assert!(text.contains("\nInodes: Total: "), "{text}");
    let o = st(&t, &["-f", "-t", "/proc"]);
    o.ok();
    assert!(o.stdout_str().starts_with("/proc "));
    assert_eq!(o.stdout_str().split_whitespace().count(), 11);
}

#[test]
fn mount_point() {
    let t = tree();
    st(&t, &["-c", "%m", "/proc/self", "/"])
        .ok()
        .out("/proc\n/\n");
}

#[test]
fn odd_names_are_quoted_by_n_upper() {
    let t = tree();
    fs::write(t.path().join("it's"), "").expect("write");
    fs::write(t.path().join("a\nb"), "").expect("write");
    st(&t, &["-c", "%N", "it's", "a\nb"])
        .ok()
        .out("\"it's\"\n'a'$'\\n''b'\n");
    st(&t, &["-c", "%n", "a\nb"]).ok().out("a\nb\n");
}

#[test]
fn errors() {
    let t = tree();
    st(&t, &["nofile", "f", "-c", "%n"])
        .status(1)
        .out("f\n")
        .err("stat: cannot stat 'nofile': No such file or directory\n");
    st(&t, &["-f", "nofile"])
        .status(1)
        .err("stat: cannot read file system information for 'nofile': No such file or directory\n");
    cmd("stat")
        .run()
        .status(1)
        .err_has("stat: missing operand\n");
    cmd("stat")
        .arg("-c")
        .run()
        .status(1)
        .err_has("stat: option requires an argument -- 'c'\n");
}

#[test]
fn n_upper_writes_a_run_of_odd_bytes_in_one_escape() {
    // GNU coreutils 9.1: stat -c %N, in C and in C.UTF-8.
    let t = tree();
    let names = [os(b"a\xc3\xa9b"), os(b"\xc3\xa9"), os(b"a'\xc3\xa9")];
    for n in &names {
        fs::write(t.path().join(n), "").expect("write");
    }
    cmd("stat")
        .cwd(t.path())
        .args(["-c", "%N"])
        .args(&names)
        .run()
        .ok()
        .out(concat!(
            r"'a'$'\303\251''b'",
            "\n",
            r"''$'\303\251'",
            "\n",
            r"'''a'\'''$'\303\251'",
            "\n"
        ));
    cmd("stat")
        .cwd(t.path())
        .env("LC_ALL", "C.UTF-8")
        .args(["-c", "%N"])
        .args(&names)
        .run()
        .ok()
        .out("'a\u{e9}b'\n'\u{e9}'\n\"a'\u{e9}\"\n");
}
