//! expand: tab sizes, stop lists with / and +, -i, backspaces, errors.

use crate::common::*;

#[test]
fn expands() {
    case("expand", &[], "a\tb\tc\n", "a       b       c\n");
    case("expand", &["-t", "4"], "a\tb\n", "a   b\n");
    case("expand", &["-4"], "a\tb\n", "a   b\n");
    case("expand", &["-t", "2,5"], "a\tb\tc\td\n", "a b  c d\n");
    case("expand", &["-t", "2,/4"], "a\tb\tc\n", "a b c\n");
    case("expand", &["-t", "2,+4"], "a\tb\tc\n", "a b   c\n");
    case("expand", &["-i"], "\ta\tb\n", "        a\tb\n");
    case("expand", &["-i", "-t", "4"], " \tx\ty\n", "    x\ty\n");
    case("expand", &[], "ab\x08\tc\n", "ab\x08       c\n");
    // A backspace is not a blank: -i stops converting after it, as GNU.
    case("expand", &["-i"], " \x08\tx\n", " \x08\tx\n");
    case("expand", &[], "no tabs", "no tabs");
}

#[test]
fn errors() {
    cmd("expand")
        .args(["-t", "0"])
        .run()
        .status(1)
        .err("expand: tab size cannot be 0\n");
    cmd("expand")
        .args(["-t", "3,2"])
        .run()
        .status(1)
        .err("expand: tab sizes must be ascending\n");
    cmd("expand")
        .args(["-t", "x"])
        .run()
        .status(1)
        .err("expand: tab size contains invalid character(s): 'x'\n");
    cmd("expand")
        .arg("nonex")
        .run()
        .status(1)
        .err("expand: nonex: No such file or directory\n");
}
