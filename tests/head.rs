//! head: lines and bytes, all-but forms, legacy -N, headers, -z, errors.

use crate::common::*;

fn setup() -> TempDir {
    let t = TempDir::new();
    t.write("a", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n");
    t.write("b", "x\ny");
    t
}

fn head(t: &TempDir, args: &[&str], expected: &str) {
    cmd("head")
        .args(args)
        .cwd(t.path())
        .run()
        .ok()
        .out(expected);
}

#[test]
fn lines() {
    let t = setup();
    head(&t, &["a"], "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
    head(&t, &["-n", "3", "a"], "1\n2\n3\n");
    head(&t, &["-n3", "a"], "1\n2\n3\n");
    head(&t, &["--lines=2", "a"], "1\n2\n");
    head(&t, &["-n", "+2", "a"], "1\n2\n");
    head(&t, &["-n", "0", "a"], "");
    head(&t, &["-n", "-10", "a"], "1\n2\n");
    head(&t, &["-n", "-0", "b"], "x\ny");
    head(&t, &["-n", "-1", "b"], "x\n");
    head(&t, &["-n", "-2", "b"], "");
    head(&t, &["-n", "5", "b"], "x\ny");
    head(&t, &["-3", "a"], "1\n2\n3\n");
    head(
        &t,
        &["-n", "1K", "a"],
        "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n",
    );
    case("head", &["-z", "-n", "2"], "a\0b\0c\0", "a\0b\0");
    case("head", &["-n", "1"], "", "");
}

#[test]
fn bytes() {
    let t = setup();
    head(&t, &["-c", "5", "a"], "1\n2\n3");
    head(&t, &["-5c", "a"], "1\n2\n3");
    head(&t, &["-c", "-21", "a"], "1\n2\n3\n");
    head(&t, &["-c", "-3", "b"], "");
    head(&t, &["-c", "-1", "b"], "x\n");
    let out = cmd("head").args(["-c", "2k", "/dev/zero"]).run();
    out.ok();
    assert_eq!(out.stdout.len(), 2048);
    let out = cmd("head").args(["-c", "1kB", "/dev/zero"]).run();
    assert_eq!(out.stdout.len(), 1000);
    let out = cmd("head").args(["-c", "1b", "/dev/zero"]).run();
    assert_eq!(out.stdout.len(), 512);
}

#[test]
fn headers() {
    let t = setup();
    head(&t, &["-n", "1", "a", "b"], "==> a <==\n1\n\n==> b <==\nx\n");
    head(&t, &["-q", "-n", "1", "a", "b"], "1\nx\n");
    head(&t, &["-v", "-n", "1", "a"], "==> a <==\n1\n");
    cmd("head")
        .args(["-v", "-n", "1"])
        .stdin("s\n")
        .run()
        .ok()
        .out("==> standard input <==\ns\n");
    cmd("head")
        .args(["-n", "1", "a", "-"])
        .stdin("s\n")
        .cwd(t.path())
        .run()
        .ok()
        .out("==> a <==\n1\n\n==> standard input <==\ns\n");
}

#[test]
fn leaves_the_rest_of_a_shared_input() {
    let t = setup();
    sh("(head -n 2; cat) < a")
        .cwd(t.path())
        .run()
        .ok()
        .out("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n");
    sh("seq 1 100000 | head -n 3").run().ok().out("1\n2\n3\n");
}

#[test]
fn errors() {
    let t = setup();
    std::fs::create_dir(t.join("d")).expect("mkdir");
    let e = |args: &[&str], out: &str, err: &str| {
        cmd("head")
            .args(args)
            .cwd(t.path())
            .run()
            .status(1)
            .out(out)
            .err_has(err);
    };
    e(
        &["-n", "x", "a"],
        "",
        "head: invalid number of lines: 'x'\n",
    );
    e(
        &["-c", "1Q2", "a"],
        "",
        "head: invalid number of bytes: '1Q2'\n",
    );
    e(
        &["-n", "99999999999999999999999", "a"],
        "",
        "head: invalid number of lines: '99999999999999999999999': ",
    );
    e(
        &["-n", "1", "nonex", "a"],
        "==> a <==\n1\n",
        "head: cannot open 'nonex' for reading: No such file or directory\n",
    );
    e(&["d"], "", "head: error reading 'd': Is a directory\n");
}
