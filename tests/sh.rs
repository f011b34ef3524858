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
