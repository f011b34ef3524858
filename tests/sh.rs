//! sh: the case files under tests/sh_cases/<section>/. Each `NAME.sh` is
//! copied into a fresh temp dir and run there as `sh NAME.sh`; its stdout
//! must equal `NAME.out`, its stderr `NAME.err` (empty when absent), and
//! its exit status `NAME.status` (0 when absent). scripts/sh-cases-check.sh
//! runs the same cases under dash and BusyBox ash.

use crate::common::*;
use std::fs;
use std::path::Path;

fn section(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/sh_cases")
        .join(name);
    let mut cases: Vec<_> = fs::read_dir(&dir)
        .expect("read the case dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sh"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no cases in {}", dir.display());
    let mut failures = Vec::new();
    for case in &cases {
        let stem = case.file_stem().and_then(|s| s.to_str()).unwrap_or("case");
        let file = format!("{stem}.sh");
        let read = |ext: &str| fs::read(case.with_extension(ext)).ok();
        let want_out = read("out").unwrap_or_default();
        let want_err = read("err").unwrap_or_default();
        let want_status: i32 = read("status")
            .map(|s| {
                String::from_utf8_lossy(&s)
                    .trim()
                    .parse()
                    .expect("a status number")
            })
            .unwrap_or(0);
        let c = cmd("sh");
        fs::copy(case, c.dir().join(&file)).expect("copy the case");
        let stdin = read("in").unwrap_or_default();
        let o = c.arg(&file).stdin(stdin).run();
        if o.stdout != want_out || o.stderr != want_err || o.code != Some(want_status) {
            failures.push(format!(
                "{name}/{stem}: status {:?} (want {want_status})\n--- stdout\n{}--- want\n{}--- stderr\n{}--- want\n{}",
                o.code,
                o.stdout_str(),
                String::from_utf8_lossy(&want_out),
                o.stderr_str(),
                String::from_utf8_lossy(&want_err),
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn parse() {
    section("parse");
}

#[test]
fn expand() {
    section("expand");
}

#[test]
fn exec() {
    section("exec");
}

#[test]
fn misc() {
    section("misc");
}

#[test]
fn builtins() {
    section("builtins");
}

/// The line editor on a pseudo-terminal: cursor keys, history, ^W, ^A,
/// a continuation prompt, ^C and ^D.
#[test]
fn line_editing() {
    use std::io::{Read, Write};
    use std::os::unix::io::FromRawFd;
    let (mut master, mut slave) = (-1, -1);
    // SAFETY: openpty fills the two descriptors.
    let r = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(r, 0, "openpty");
    // SAFETY: the descriptors are ours; each File owns one duplicate.
    let (s_in, s_out, s_err, mut m) = unsafe {
        (
            fs::File::from_raw_fd(libc::dup(slave)),
            fs::File::from_raw_fd(libc::dup(slave)),
            fs::File::from_raw_fd(slave),
            fs::File::from_raw_fd(master),
        )
    };
    let dir = TempDir::new();
    let mut child = std::process::Command::new(bin_dir().join("sh"))
        .current_dir(dir.path())
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("PS1", "$ ")
        .env("PS2", "> ")
        .stdin(s_in)
        .stdout(s_out)
        .stderr(s_err)
        .spawn()
        .expect("spawn sh on a pty");
    let keys: &[&[u8]] = &[
        b"echo helo\x1b[D\x1b[Dl\r",
        b"echo first\r",
        b"\x1b[A\x1b[A\r",
        b"echo abc\x7f\x7fz\r",
        b"echo one two\x17three\r",
        b"xx\x01echo \r",
        b"if true\rthen echo cont\rfi\r",
        b"echo dropped\x03echo after-c\r",
        b"\x04",
    ];
    // Type only once the first prompt is up (the terminal is in raw mode
    // by then; keys typed earlier would be echoed by the tty itself).
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    let start = std::time::Instant::now();
    while !String::from_utf8_lossy(&out).contains("$ ") {
        assert!(start.elapsed().as_secs() < 10, "no prompt: {out:?}");
        let mut pfd = libc::pollfd {
            fd: std::os::unix::io::AsRawFd::as_raw_fd(&m),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: poll on one valid pollfd.
        if unsafe { libc::poll(&mut pfd, 1, 100) } > 0 {
            let n = m.read(&mut buf).expect("read the prompt");
            out.extend_from_slice(&buf[..n]);
        }
    }
    std::thread::sleep(std::time::Duration::from_millis(50));
    for k in keys {
        m.write_all(k).expect("type");
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    let status = child.wait().expect("wait for sh");
    // SAFETY: non-blocking reads of what is left on the master side.
    unsafe {
        libc::fcntl(
            std::os::unix::io::AsRawFd::as_raw_fd(&m),
            libc::F_SETFL,
            libc::O_NONBLOCK,
        )
    };
    while let Ok(n) = m.read(&mut buf) {
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&out).replace('\r', "");
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.contains("$ ") && !l.contains("> ") && !l.is_empty())
        .collect();
    assert_eq!(
        lines,
        [
            "hello",
            "first",
            "hello",
            "az",
            "one three",
            "xx",
            "cont",
            "after-c"
        ],
        "terminal output: {text:?}"
    );
    assert_eq!(status.code(), Some(0));
}
