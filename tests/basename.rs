//! basename: POSIX's algorithm, suffixes, -a -s -z, errors.

use crate::common::*;

fn base(args: &[&str], expected: &str) {
    case("basename", args, "", expected);
}

#[test]
fn components() {
    base(&["/usr/lib/libc.so"], "libc.so\n");
    base(&["a/b/"], "b\n");
    base(&["a///b///"], "b\n");
    base(&["//a"], "a\n");
    base(&["a"], "a\n");
    base(&["."], ".\n");
    base(&[".."], "..\n");
    base(&[""], "\n");
    // Only slashes: "/" (GNU and BusyBox, for "//" as well).
    base(&["/"], "/\n");
    base(&["//"], "/\n");
    base(&["///"], "/\n");
}

#[test]
fn suffix() {
    base(&["a.c", ".c"], "a\n");
    base(&["dir/a.c/", ".c"], "a\n");
    base(&["a.c", "x"], "a.c\n");
    // A suffix that is the whole name stays.
    base(&[".c", ".c"], ".c\n");
    base(&["a/b.c", "b.c"], "b.c\n");
    base(&["a.c", ""], "a.c\n");
    base(&["/", "/"], "/\n");
}

#[test]
fn multiple() {
    base(&["-a", "x/a", "y/b"], "a\nb\n");
    base(&["-s", ".c", "a.c", "b.c", "d.h"], "a\nb\nd.h\n");
    base(&["--suffix=.c", "a.c"], "a\n");
    base(&["-as", ".c", "a.c"], "a\n");
    base(&["-z", "a/b"], "b\0");
    base(&["-az", "a", "b"], "a\0b\0");
    base(&["--", "-x"], "-x\n");
}

#[test]
fn odd_bytes() {
    cmd("basename")
        .arg(os(b"d/\xff\nx"))
        .run()
        .ok()
        .out(b"\xff\nx\n");
}

#[test]
fn errors() {
    cmd("basename")
        .run()
        .status(1)
        .out("")
        .err_has("basename: missing operand\nUsage: basename ");
    cmd("basename")
        .args(["a", "b", "c"])
        .run()
        .status(1)
        .err_has("basename: extra operand 'c'\n");
    cmd("basename")
        .arg("-q")
        .run()
        .status(1)
        .err_has("invalid option -- 'q'");
}
