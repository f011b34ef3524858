//! readlink: link targets and the three canonical modes.

use crate::common::*;
use std::fs;
use std::os::unix::fs::symlink;

/// A dir with f, l -> f, ll -> l, dang -> nowhere, a loop, d/, dl -> d.
fn tree() -> (TempDir, String) {
    let t = TempDir::new();
    let p = t.path();
    fs::write(p.join("f"), "").expect("write");
    symlink("f", p.join("l")).expect("symlink");
    symlink("l", p.join("ll")).expect("symlink");
    symlink("nowhere", p.join("dang")).expect("symlink");
    symlink("loop1", p.join("loop2")).expect("symlink");
    symlink("loop2", p.join("loop1")).expect("symlink");
    fs::create_dir(p.join("d")).expect("mkdir");
    symlink("d", p.join("dl")).expect("symlink");
    let real = fs::canonicalize(p)
        .expect("canonical")
        .to_string_lossy()
        .into_owned();
    (t, real)
}

fn rl(t: &TempDir, args: &[&str]) -> Out {
    cmd("readlink").cwd(t.path()).args(args).run()
}

#[test]
fn targets() {
    let (t, _) = tree();
    rl(&t, &["l"]).ok().out("f\n");
    rl(&t, &["ll"]).ok().out("l\n");
    rl(&t, &["dang"]).ok().out("nowhere\n");
    rl(&t, &["l", "ll"]).ok().out("f\nl\n");
    // Not a link, or missing: status 1, quietly.
    rl(&t, &["f"]).status(1).out("").err("");
    rl(&t, &["nofile"]).status(1).out("").err("");
    rl(&t, &["f", "l"]).status(1).out("f\n");
    rl(&t, &["-v", "f"])
        .status(1)
        .err("readlink: f: Invalid argument\n");
    rl(&t, &["-v", "nofile"])
        .status(1)
        .err("readlink: nofile: No such file or directory\n");
    rl(&t, &["-vq", "nofile"]).status(1).err("");
}

#[test]
fn canonical_modes() {
    let (t, r) = tree();
    rl(&t, &["-f", "ll"]).ok().out(format!("{r}/f\n"));
    rl(&t, &["-f", "dang"]).ok().out(format!("{r}/nowhere\n"));
    rl(&t, &["-e", "dang"]).status(1).out("");
    rl(&t, &["-e", "ll"]).ok().out(format!("{r}/f\n"));
    rl(&t, &["-m", "dang/x/../y"])
        .ok()
        .out(format!("{r}/nowhere/y\n"));
    rl(&t, &["-f", "dl/../f"]).ok().out(format!("{r}/f\n"));
    rl(&t, &["-f", "f/x"]).status(1).out("");
    rl(&t, &["-m", "f/x"]).ok().out(format!("{r}/f/x\n"));
    rl(&t, &["-f", "."]).ok().out(format!("{r}\n"));
    rl(&t, &["-f", "/"]).ok().out("/\n");
    rl(&t, &["-f", "//.//"]).ok().out("/\n");
    rl(&t, &["-fv", "nofile/x"])
        .status(1)
        .err("readlink: nofile/x: No such file or directory\n");
    // The C library's (musl's) text for ELOOP.
    rl(&t, &["-ev", "loop1"])
        .status(1)
        .err("readlink: loop1: Too many levels of symbolic links\n");
    rl(&t, &["-f", "loop1"]).status(1).err("");
    // The last of -f -e -m counts.
    rl(&t, &["-e", "-m", "nofile/x"])
        .ok()
        .out(format!("{r}/nofile/x\n"));
}

#[test]
fn line_ends() {
    let (t, _) = tree();
    rl(&t, &["-n", "l"]).ok().out("f");
    rl(&t, &["-z", "l", "ll"]).ok().out("f\0l\0");
    rl(&t, &["-n", "l", "ll"])
        .status(0)
        .out("f\nl\n")
        .err("readlink: ignoring --no-newline with multiple arguments\n");
}

#[test]
fn odd_names() {
    let t = TempDir::new();
    symlink(os(b"tar get\n\xff"), t.path().join(os(b"-l\xfe"))).expect("symlink");
    cmd("readlink")
        .cwd(t.path())
        .args([os(b"--"), os(b"-l\xfe")])
        .run()
        .ok()
        .out(b"tar get\n\xff\n");
}

#[test]
fn errors() {
    cmd("readlink")
        .run()
        .status(1)
        .err_has("readlink: missing operand\n");
    cmd("readlink")
        .arg("-x")
        .run()
        .status(1)
        .err_has("invalid option -- 'x'");
}
