//! dirname: POSIX's algorithm, several names, -z.

use crate::common::*;

fn dir(args: &[&str], expected: &str) {
    case("dirname", args, "", expected);
}

#[test]
fn components() {
    dir(&["/usr/lib"], "/usr\n");
    dir(&["/usr/lib/"], "/usr\n");
    dir(&["/a/b//"], "/a\n");
    dir(&["a//b"], "a\n");
    dir(&["a///b///"], "a\n");
    dir(&["a/"], ".\n");
    dir(&["a"], ".\n");
    dir(&[""], ".\n");
    dir(&["."], ".\n");
    dir(&[".."], ".\n");
    dir(&["/a"], "/\n");
    dir(&["/"], "/\n");
    dir(&["///a"], "/\n");
    // "//" is the implementation's choice in POSIX: "/" as GNU (BusyBox
    // keeps "//").
    dir(&["//"], "/\n");
    dir(&["//a"], "/\n");
}

#[test]
fn several_and_zero() {
    dir(&["a/b", "/c/d", "e"], "a\n/c\n.\n");
    dir(&["-z", "a/b", "c"], "a\0.\0");
    dir(&["--", "-x/y"], "-x\n");
}

#[test]
fn errors() {
    cmd("dirname")
        .run()
        .status(1)
        .out("")
        .err_has("dirname: missing operand\n");
}
