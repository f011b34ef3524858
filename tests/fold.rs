//! fold: widths, columns of tabs/backspaces/returns, -b, -s, legacy -N,
//! errors, as GNU.

use crate::common::*;

#[test]
fn wraps() {
    case(
        "fold",
        &["-w", "7"],
        "hello world foo bar\n",
        "hello w\norld fo\no bar\n",
    );
    case(
        "fold",
        &["-w", "7", "-s"],
        "hello world foo bar\n",
        "hello \nworld \nfoo bar\n",
    );
    case("fold", &["-sw", "4"], "aaaa bbbb\n", "aaaa\n \nbbbb\n");
    case("fold", &["-s", "-w", "2"], "a  b\n", "a \n b\n");
    case("fold", &["-w", "3"], "abcdefghij", "abc\ndef\nghi\nj");
    case("fold", &["-3"], "abcdef\n", "abc\ndef\n");
    case(
        "fold",
        &[],
        &format!("{}\n", "x".repeat(100)),
        &format!("{}\n{}\n", "x".repeat(80), "x".repeat(20)),
    );
    case("fold", &[], "", "");
}

#[test]
fn columns() {
    case("fold", &["-w", "10"], "a\tb\tc\n", "a\tb\n\tc\n");
    case("fold", &["-b", "-w", "3"], "a\tb\tc\n", "a\tb\n\tc\n");
    case("fold", &["-w", "2"], "ab\x08cd\n", "ab\x08c\nd\n");
    case("fold", &["-w", "4"], "\t\tx\n", "\t\n\t\nx\n");
    case("fold", &["-w", "4"], "ab\rcdef\n", "ab\rcdef\n");
}

#[test]
fn errors() {
    cmd("fold")
        .args(["-w", "x"])
        .run()
        .status(1)
        .err("fold: invalid number of columns: 'x'\n");
    cmd("fold")
        .args(["-w", "0"])
        .run()
        .status(1)
        .err_has("fold: invalid number of columns: '0': ");
    cmd("fold")
        .arg("nonex")
        .run()
        .status(1)
        .err("fold: nonex: No such file or directory\n");
}
