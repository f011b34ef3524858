//! paste: parallel and serial merging, delimiter lists, stdin twice,
//! -z, errors, as GNU.

use crate::common::*;

fn setup() -> TempDir {
    let t = TempDir::new();
    t.write("a", "1\n2\n3\n");
    t.write("b", "x\ny");
    t
}

fn paste(t: &TempDir, args: &[&str], expected: &str) {
    cmd("paste")
        .args(args)
        .cwd(t.path())
        .run()
        .ok()
        .out(expected);
}

#[test]
fn parallel() {
    let t = setup();
    paste(&t, &["a", "b"], "1\tx\n2\ty\n3\t\n");
    paste(&t, &["-d,", "a", "b", "a"], "1,x,1\n2,y,2\n3,,3\n");
    paste(&t, &["-d", ",;", "a", "b", "a"], "1,x;1\n2,y;2\n3,;3\n");
    paste(&t, &["-d", "\\n", "a", "b"], "1\nx\n2\ny\n3\n\n");
    paste(&t, &["-d", "\\0", "a", "b"], "1x\n2y\n3\n");
    paste(&t, &["-d", "", "a", "b"], "1x\n2y\n3\n");
    cmd("paste")
        .args(["-", "-"])
        .stdin("1\n2\n3\n")
        .run()
        .ok()
        .out("1\t2\n3\t\n");
    cmd("paste")
        .args(["-", "a"])
        .stdin("")
        .cwd(t.path())
        .run()
        .ok()
        .out("\t1\n\t2\n\t3\n");
    cmd("paste")
        .args(["-z", "a"])
        .cwd(t.path())
        .run()
        .ok()
        .out("1\n2\n3\n\0");
}

#[test]
fn serial() {
    let t = setup();
    paste(&t, &["-s", "a", "b"], "1\t2\t3\nx\ty\n");
    paste(&t, &["-s", "-d,", "a"], "1,2,3\n");
    paste(&t, &["-s", "-d", "\\t\\n", "a"], "1\t2\n3\n");
    cmd("paste").arg("-s").stdin("").run().ok().out("\n");
}

#[test]
fn errors() {
    let t = setup();
    cmd("paste")
        .args(["a", "nonex"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err("paste: nonex: No such file or directory\n");
    cmd("paste")
        .args(["-d", "x\\", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("paste: delimiter list ends with an unescaped backslash: x\\\n");
    // A read error (a directory) ends that input, is reported, and makes
    // the status 1; the other inputs are pasted in full, as GNU does.
    std::fs::create_dir(t.join("d")).expect("mkdir");
    cmd("paste")
        .args(["a", "d"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("1\t\n2\t\n3\t\n")
        .err("paste: d: Is a directory\n");
}
