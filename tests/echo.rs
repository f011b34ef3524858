//! echo: options as BusyBox/GNU take them, escapes only with -e.

use crate::common::*;

fn echo(args: &[&str], expected: &str) {
    case("echo", args, "", expected);
}

#[test]
fn plain() {
    echo(&[], "\n");
    echo(&["a", "b  c", "", "d"], "a b  c  d\n");
    echo(&[""], "\n");
}

#[test]
fn no_newline() {
    echo(&["-n", "a", "b"], "a b");
    echo(&["-n"], "");
    echo(&["-n", "-n", "x"], "x");
}

#[test]
fn option_recognition() {
    // Only arguments made of n, e, E letters are options.
    echo(&["-nq", "x"], "-nq x\n");
    echo(&["--", "-n"], "-- -n\n");
    echo(&["-", "x"], "- x\n");
    echo(&["-n-", "x"], "-n- x\n");
    echo(&["--help"], "--help\n");
    echo(&["--version"], "--version\n");
    // Options end at the first operand.
    echo(&["x", "-n"], "x -n\n");
    echo(&["-neE", r"a\n"], r"a\n");
    echo(&["-En", "-e", r"a\n"], "a\n");
}

#[test]
fn escapes_only_with_e() {
    echo(&[r"a\tb\n"], "a\\tb\\n\n");
    echo(&["-E", r"a\tb"], "a\\tb\n");
    echo(&["-e", r"a\tb\nc"], "a\tb\nc\n");
    echo(&["-e", r"\a\b\e\f\r\v\\"], "\x07\x08\x1b\x0c\r\x0b\\\n");
}

#[test]
fn octal_and_hex() {
    echo(&["-e", r"\0101\101\01|\08"], "AA\x01|\x008\n");
    echo(&["-e", r"\x41\x4g\x"], "A\x04g\\x\n");
    echo(&["-e", r"\0"], "\0\n");
    // Above 255: the low byte, as dash and GNU (not BusyBox).
    echo(&["-e", r"\0400"], "\0\n");
}

#[test]
fn unknown_escape_and_trailing_backslash() {
    echo(&["-e", r"\q\"], "\\q\\\n");
}

#[test]
fn backslash_c_stops_everything() {
    echo(&["-e", r"a\cb", "c"], "a");
    echo(&["-e", "x", r"\c", "y"], "x ");
}

#[test]
fn binary_and_long_arguments() {
    cmd("echo")
        .arg(os(b"\xff\xfe"))
        .run()
        .ok()
        .out(b"\xff\xfe\n");
    let long = "x".repeat(100_000);
    cmd("echo").arg(&long).run().ok().out(format!("{long}\n"));
}

#[test]
fn write_error() {
    cmd("echo")
        .arg("x")
        .stdout_full()
        .run()
        .status(1)
        .err("echo: write error: No space left on device\n");
}
