//! rmdir: -p, -v, --ignore-fail-on-non-empty and the errors, as GNU.

use crate::common::*;

#[test]
fn removes_empty_directories() {
    let t = TempDir::new();
    std::fs::create_dir_all(t.join("a")).expect("mkdir");
    std::fs::create_dir_all(t.join("b")).expect("mkdir");
    cmd("rmdir")
        .args(["a", "b/"])
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    assert!(!t.join("a").exists() && !t.join("b").exists());
}

#[test]
fn parents_and_verbose() {
    let t = TempDir::new();
    std::fs::create_dir_all(t.join("a/b/c")).expect("mkdir");
    cmd("rmdir")
        .args(["-pv", "a/b/c"])
        .cwd(t.path())
        .run()
        .ok()
        .out("rmdir: removing directory, 'a/b/c'\nrmdir: removing directory, 'a/b'\nrmdir: removing directory, 'a'\n");
    assert!(!t.join("a").exists());
    std::fs::create_dir_all(t.join("q/w")).expect("mkdir");
    cmd("rmdir").args(["-p", "q//w//"]).cwd(t.path()).run().ok();
    assert!(!t.join("q").exists());
}

#[test]
fn not_empty() {
    let t = TempDir::new();
    std::fs::create_dir_all(t.join("x/y")).expect("mkdir");
    t.write("x/y/f", "");
    cmd("rmdir")
        .args(["-p", "x/y"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err("rmdir: failed to remove 'x/y': Directory not empty\n");
    cmd("rmdir")
        .args(["--ignore-fail-on-non-empty", "-p", "x/y"])
        .cwd(t.path())
        .run()
        .ok();
    // A parent that is not empty stops -p; quietly with the option.
    std::fs::remove_file(t.join("x/y/f")).expect("rm");
    t.write("x/g", "");
    cmd("rmdir")
        .args(["-p", "x/y"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("rmdir: failed to remove 'x': Directory not empty\n");
    assert!(!t.join("x/y").exists() && t.join("x").exists());
}

#[test]
fn errors() {
    let t = TempDir::new();
    t.write("f", "");
    let e = |args: &[&str], out: &str, err: &str| {
        cmd("rmdir")
            .args(args)
            .cwd(t.path())
            .run()
            .status(1)
            .out(out)
            .err(err);
    };
    e(
        &["nonex"],
        "",
        "rmdir: failed to remove 'nonex': No such file or directory\n",
    );
    e(
        &["-v", "nonex"],
        "rmdir: removing directory, 'nonex'\n",
        "rmdir: failed to remove 'nonex': No such file or directory\n",
    );
    e(&["f"], "", "rmdir: failed to remove 'f': Not a directory\n");
    cmd("rmdir")
        .run()
        .status(1)
        .err_has("rmdir: missing operand\n");
}
