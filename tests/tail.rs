//! tail: from the end and from the start, files and pipes, legacy forms,
//! headers, -z, following (-f, -F, --pid), errors.

use crate::common::*;
use std::time::Duration;

fn setup() -> TempDir {
    let t = TempDir::new();
    t.write("a", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n");
    t.write("b", "x\ny");
    t
}

fn tail(t: &TempDir, args: &[&str], expected: &str) {
    cmd("tail")
        .args(args)
        .cwd(t.path())
        .run()
        .ok()
        .out(expected);
}

#[test]
fn from_the_end() {
    let t = setup();
    tail(&t, &["a"], "3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n");
    tail(&t, &["-n", "3", "a"], "10\n11\n12\n");
    tail(&t, &["-n", "-2", "a"], "11\n12\n");
    tail(&t, &["-n", "0", "a"], "");
    tail(
        &t,
        &["-n", "100", "a"],
        "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n",
    );
    tail(&t, &["-n", "1", "b"], "y");
    tail(&t, &["-n", "2", "b"], "x\ny");
    tail(&t, &["-c", "5", "a"], "1\n12\n");
    tail(&t, &["-c", "3", "b"], "x\ny");
    tail(&t, &["-c", "0", "a"], "");
    tail(&t, &["-3", "a"], "10\n11\n12\n");
    tail(&t, &["-2c", "a"], "2\n");
    // Pipes.
    case("tail", &["-n", "2"], "1\n2\n3\n", "2\n3\n");
    case("tail", &["-c", "4"], "1\n2\n3\n", "2\n3\n");
    case("tail", &["-n", "2"], "\n\n\n", "\n\n");
    case("tail", &["-n", "1"], "", "");
    case("tail", &["-z", "-n", "1"], "a\0b\0c\0", "c\0");
}

#[test]
fn from_the_start() {
    let t = setup();
    tail(&t, &["-n", "+11", "a"], "11\n12\n");
    tail(&t, &["-n", "+1", "b"], "x\ny");
    tail(&t, &["-c", "+25", "a"], "12\n");
    tail(&t, &["+12", "a"], "12\n");
    case("tail", &["-n", "+2"], "1\n2\n3\n", "2\n3\n");
    case("tail", &["-c", "+3"], "abcd", "cd");
}

#[test]
fn large_files_and_shared_offsets() {
    let t = TempDir::new();
    let body: String = (1..=200_000).map(|i| format!("{i}\n")).collect();
    t.write("big", &body);
    tail(&t, &["-n", "2", "big"], "199999\n200000\n");
    let out = cmd("tail")
        .args(["-n", "150000", "big"])
        .cwd(t.path())
        .run();
    out.ok();
    assert!(out.stdout_str().starts_with("50001\n"));
    assert_eq!(
        out.stdout.len(),
        body.len() - body.find("50001\n").expect("line")
    );
    let t = setup();
    sh("(head -n 2 >/dev/null; tail -n 3) < a")
        .cwd(t.path())
        .run()
        .ok()
        .out("10\n11\n12\n");
    sh("(head -n 11 >/dev/null; tail -n 3) < a")
        .cwd(t.path())
        .run()
        .ok()
        .out("12\n");
}

#[test]
fn headers() {
    let t = setup();
    tail(&t, &["-n", "1", "a", "b"], "==> a <==\n12\n\n==> b <==\ny");
    tail(&t, &["-q", "-n", "1", "a", "b"], "12\ny");
    tail(&t, &["-v", "-n", "1", "a"], "==> a <==\n12\n");
}

#[test]
fn follows_appends() {
    let t = setup();
    let p = t.join("a");
    let child = cmd("tail")
        .args(["-f", "-s", "0.1", "-n", "1", "a"])
        .cwd(t.path());
    let mut c = child;
    let mut proc = c
        .command()
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(400));
    use std::io::Write;
    std::fs::OpenOptions::new()
        .append(true)
        .open(&p)
        .expect("open")
        .write_all(b"13\n")
        .expect("write");
    std::thread::sleep(Duration::from_millis(600));
    proc.kill().expect("kill");
    let out = proc.wait_with_output().expect("wait");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "12\n13\n");
}

#[test]
fn follow_ends_with_pid() {
    let t = setup();
    sh("sleep 0.5 & tail -f -s 0.1 --pid $! -n 1 b; echo \"status $?\"")
        .cwd(t.path())
        .run()
        .ok()
        .out("ystatus 0\n");
}

#[test]
fn follows_names() {
    // Rotation by renaming a new file over the old name, so that the name
    // is never missing whenever the poll comes.
    let t = TempDir::new();
    t.write("f", "1\n");
    let out = sh("tail -F -s 0.1 f 2>&1 & p=$!; sleep 0.4; echo 2 >> f; sleep 0.4; ln f g; echo 3 > n; mv n f; sleep 0.5; : > f; sleep 0.4; echo 4 >> f; sleep 0.4; rm f; sleep 0.4; kill $p")
        .cwd(t.path())
        .run();
    assert_eq!(
        out.stdout_str(),
        "1\n2\ntail: 'f' has been replaced;  following new file\n3\ntail: f: file truncated\n4\ntail: 'f' has become inaccessible: No such file or directory\n"
    );
}

#[test]
fn errors() {
    let t = setup();
    let e = |args: &[&str], err: &str| {
        cmd("tail")
            .args(args)
            .cwd(t.path())
            .run()
            .status(1)
            .err_has(err);
    };
    e(&["-n", "x", "a"], "tail: invalid number of lines: 'x'\n");
    e(&["-c", "x", "a"], "tail: invalid number of bytes: 'x'\n");
    e(
        &["nonex"],
        "tail: cannot open 'nonex' for reading: No such file or directory\n",
    );
    e(
        &["-s", "x", "-f", "a"],
        "tail: invalid number of seconds: 'x'\n",
    );
    e(&["--pid", "x", "-f", "a"], "tail: invalid PID: 'x'\n");
    cmd("tail")
        .args(["-n", "1", "nonex", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("==> a <==\n12\n");
}
