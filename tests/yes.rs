//! yes: repeated lines, and what happens when the reader goes away.

use crate::common::*;

#[test]
fn default_line_is_y() {
    sh("yes | head -n 3").run().ok().out("y\ny\ny\n");
}

#[test]
fn arguments_joined_by_spaces() {
    sh("yes a 'b  c' '' | head -n 2")
        .run()
        .ok()
        .out("a b  c \na b  c \n");
}

#[test]
fn long_line_is_whole() {
    let long = "z".repeat(20_000);
    let o = sh(&format!("yes {long} | head -n 2")).run();
    o.ok().out(format!("{long}\n{long}\n"));
}

#[test]
fn sigpipe_kills_by_default() {
    // dash reports a signal death as 128+n: SIGPIPE is 13.
    sh("{ yes; echo \"yes=$?\" >&2; } | head -c 4")
        .run()
        .status(0)
        .out("y\ny\n")
        .err("yes=141\n");
}

#[test]
fn ignored_sigpipe_ends_quietly_with_1() {
    sh("trap '' PIPE; { yes; echo \"yes=$?\" >&2; } | head -c 2")
        .run()
        .out("y\n")
        .err("yes=1\n");
}

#[test]
fn write_error_is_reported() {
    cmd("yes")
        .stdout_full()
        .run()
        .status(1)
        .out("")
        .err("yes: write error: No space left on device\n");
}

#[test]
fn options_and_help() {
    sh("yes -- -x | head -n 1").run().ok().out("-x\n");
    let o = cmd("yes").arg("-x").run();
    o.status(1).out("").err_has("yes: invalid option -- 'x'\n");
    let o = cmd("yes").arg("--help").run();
    o.ok();
    assert!(o.stdout_str().starts_with("Usage: yes [STRING]...\n"));
}
