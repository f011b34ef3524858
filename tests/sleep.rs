//! sleep: intervals, units, sums and errors.

use crate::common::*;
use std::time::{Duration, Instant};

fn timed(args: &[&str]) -> Duration {
    let t = Instant::now();
    cmd("sleep").args(args).run().ok().out("");
    t.elapsed()
}

#[test]
fn fractions_and_sums() {
    let d = timed(&["0.1", ".1", "0.05s"]);
    assert!(d >= Duration::from_millis(250), "{d:?}");
    assert!(d < Duration::from_secs(3), "{d:?}");
}

#[test]
fn zero_and_units() {
    let d = timed(&["0", "0s", "0m", "0h", "0d", "0.0"]);
    assert!(d < Duration::from_secs(2), "{d:?}");
    // 0.002m is 0.12 s.
    let d = timed(&["0.002m"]);
    assert!(d >= Duration::from_millis(110), "{d:?}");
}

#[test]
fn gnu_number_forms() {
    // GNU takes exponents, a plus sign and leading blanks (BusyBox does not).
    let d = timed(&["1e-1", "+0.05", " 0.05"]);
    assert!(d >= Duration::from_millis(190), "{d:?}");
}

#[test]
fn invalid_intervals() {
    for bad in ["", "x", "1x", "-1", "1ss", "1..2", "0x1", "nan", "s"] {
        let o = cmd("sleep").arg(bad).run();
        o.status(1)
            .out("")
            .err(format!("sleep: invalid time interval '{bad}'\n"));
    }
    // Every bad operand is reported, and nothing is slept.
    let o = cmd("sleep").args(["a", "10", "b"]).run();
    o.status(1)
        .err("sleep: invalid time interval 'a'\nsleep: invalid time interval 'b'\n");
}

#[test]
fn missing_operand() {
    let o = cmd("sleep").run();
    o.status(1)
        .out("")
        .err("sleep: missing operand\nUsage: sleep NUMBER[SUFFIX]...\n");
}

#[test]
fn signal_ends_it() {
    let mut c = cmd("sleep").arg("inf");
    let mut child = c
        .command()
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn sleep");
    std::thread::sleep(Duration::from_millis(100));
    // SAFETY: the pid is our child's.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let st = child.wait().expect("wait");
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(st.signal(), Some(libc::SIGTERM));
}
