//! nproc: affinity, --all, --ignore, OMP variables.

use crate::common::*;

fn n(args: &[&str], env: &[(&str, &str)]) -> u64 {
    let mut c = cmd("nproc").args(args);
    for (k, v) in env {
        c = c.env(k, v);
    }
    let o = c.run();
    o.ok();
    o.stdout_str().trim_end().parse().expect("a number")
}

fn available() -> u64 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as u64)
}

#[test]
fn counts() {
    assert_eq!(n(&[], &[]), available());
    assert!(n(&["--all"], &[]) >= n(&[], &[]));
    assert_eq!(n(&["--ignore=1"], &[]), (available() - 1).max(1));
    assert_eq!(n(&["--ignore", "1000"], &[]), 1);
    assert_eq!(n(&["--ignore=0"], &[]), available());
}

#[test]
fn openmp_variables() {
    assert_eq!(n(&[], &[("OMP_NUM_THREADS", "7")]), 7);
    assert_eq!(n(&[], &[("OMP_NUM_THREADS", "7,2")]), 7);
    assert_eq!(n(&["--ignore=2"], &[("OMP_NUM_THREADS", "7")]), 5);
    assert_eq!(
        n(&[], &[("OMP_NUM_THREADS", "9"), ("OMP_THREAD_LIMIT", "3")]),
        3
    );
    assert_eq!(n(&[], &[("OMP_NUM_THREADS", "0")]), available());
    assert_eq!(n(&[], &[("OMP_NUM_THREADS", "x")]), available());
    // --all ignores them.
    assert!(n(&["--all"], &[("OMP_NUM_THREADS", "1000")]) < 1000);
}

#[test]
fn errors() {
    cmd("nproc")
        .arg("--ignore=x")
        .run()
        .status(1)
        .out("")
        .err("nproc: invalid number: 'x'\n");
    cmd("nproc")
        .arg("3")
        .run()
        .status(1)
        .err_has("nproc: extra operand '3'\n");
    cmd("nproc")
        .arg("-a")
        .run()
        .status(1)
        .err_has("invalid option -- 'a'");
}
