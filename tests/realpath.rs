//! realpath: modes, -s/-L/-P, relative output, errors.

use crate::common::*;
use std::fs;
use std::os::unix::fs::symlink;

fn tree() -> (TempDir, String) {
    let t = TempDir::new();
    let p = t.path();
    fs::write(p.join("f"), "").expect("write");
    symlink("f", p.join("l")).expect("symlink");
    symlink("l", p.join("ll")).expect("symlink");
    symlink("nowhere", p.join("dang")).expect("symlink");
    symlink("loop1", p.join("loop2")).expect("symlink");
    symlink("loop2", p.join("loop1")).expect("symlink");
    fs::create_dir_all(p.join("d/sub")).expect("mkdir");
    symlink("d/sub", p.join("sl")).expect("symlink");
    let real = fs::canonicalize(p)
        .expect("canonical")
        .to_string_lossy()
        .into_owned();
    (t, real)
}

fn rp(t: &TempDir, args: &[&str]) -> Out {
    cmd("realpath").cwd(t.path()).args(args).run()
}

#[test]
fn default_mode_allows_missing_last() {
    let (t, r) = tree();
    rp(&t, &["ll", "f", "."])
        .ok()
        .out(format!("{r}/f\n{r}/f\n{r}\n"));
    rp(&t, &["dang"]).ok().out(format!("{r}/nowhere\n"));
    rp(&t, &["nofile"]).ok().out(format!("{r}/nofile\n"));
    rp(&t, &["nofile/x"])
        .status(1)
        .err("realpath: nofile/x: No such file or directory\n");
    rp(&t, &["f/x"])
        .status(1)
        .err("realpath: f/x: Not a directory\n");
    rp(&t, &["f/"])
        .status(1)
        .err("realpath: f/: Not a directory\n");
    rp(&t, &["loop1"])
        .status(1)
        .err("realpath: loop1: Too many levels of symbolic links\n");
    rp(&t, &[""])
        .status(1)
        .err("realpath: '': No such file or directory\n");
    // Errors do not stop the other operands.
    rp(&t, &["nofile/x", "f"]).status(1).out(format!("{r}/f\n"));
}

#[test]
fn existing_and_missing() {
    let (t, r) = tree();
    rp(&t, &["-e", "f"]).ok().out(format!("{r}/f\n"));
    rp(&t, &["-e", "dang"])
        .status(1)
        .err("realpath: dang: No such file or directory\n");
    rp(&t, &["-m", "dang/x/../y"])
        .ok()
        .out(format!("{r}/nowhere/y\n"));
    rp(&t, &["-m", "f/x"]).ok().out(format!("{r}/f/x\n"));
    rp(&t, &["-q", "nofile/x"]).status(1).err("").out("");
}

#[test]
fn links_and_dot_dot() {
    let (t, r) = tree();
    // -s: links stay, .. is lexical.
    rp(&t, &["-s", "ll"]).ok().out(format!("{r}/ll\n"));
    rp(&t, &["-s", "sl/.."]).ok().out(format!("{r}\n"));
    rp(&t, &["--no-symlinks", "sl/../f"])
        .ok()
        .out(format!("{r}/f\n"));
    // -P (default): sl/.. is the parent of d/sub, i.e. d.
    rp(&t, &["sl/.."]).ok().out(format!("{r}/d\n"));
    rp(&t, &["-P", "sl/.."]).ok().out(format!("{r}/d\n"));
    // -L: .. first, so sl/.. is the top.
    rp(&t, &["-L", "sl/.."]).ok().out(format!("{r}\n"));
}

#[test]
fn relative_output() {
    let (t, r) = tree();
    rp(&t, &["--relative-to=d", "f"]).ok().out("../f\n");
    rp(&t, &["--relative-to=d", "d/sub/x"]).ok().out("sub/x\n");
    rp(&t, &["--relative-to=d", "d"]).ok().out(".\n");
    rp(&t, &["--relative-to=/", "/usr"]).ok().out("usr\n");
    rp(&t, &["--relative-base=d", "f", "d/q"])
        .ok()
        .out(format!("{r}/f\nq\n"));
    rp(
        &t,
        &[&format!("--relative-base={r}"), "--relative-to=d", "f"],
    )
    .ok()
    .out("../f\n");
    rp(
        &t,
        &["--relative-base=d", &format!("--relative-to={r}"), "f"],
    )
    .ok()
    .out(format!("{r}/f\n"));
    rp(&t, &["--relative-to=nofile/x", "f"])
        .status(1)
        .err("realpath: nofile/x: No such file or directory\n");
}

#[test]
fn zero_and_errors() {
    let (t, r) = tree();
    rp(&t, &["-z", "l", "f"])
        .ok()
        .out(format!("{r}/f\0{r}/f\0"));
    cmd("realpath")
        .run()
        .status(1)
        .err_has("realpath: missing operand\n");
}
