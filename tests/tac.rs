//! tac: lines and separators, -b, unfinished last records, errors.

use crate::common::*;

#[test]
fn reverses() {
    case("tac", &[], "a\nb\n", "b\na\n");
    case("tac", &[], "a\nb", "ba\n");
    case("tac", &[], "", "");
    case("tac", &["-s", ","], "a,b,c", "cb,a,");
    case("tac", &["-s", ","], "a,b,c,", "c,b,a,");
    case("tac", &["-b", "-s", ","], ",a,b,c", ",c,b,a");
    case("tac", &["-b"], "a\nb\n", "\n\nba");
    case("tac", &["-s", "::"], "x::y::z", "zy::x::");
    let t = TempDir::new();
    t.write("f", "1\n2\n");
    cmd("tac")
        .args(["f", "-", "f"])
        .stdin("a\nb\n")
        .cwd(t.path())
        .run()
        .ok()
        .out("2\n1\nb\na\n2\n1\n");
}

#[test]
fn errors() {
    let t = TempDir::new();
    cmd("tac")
        .arg("nonex")
        .cwd(t.path())
        .run()
        .status(1)
        .err("tac: failed to open 'nonex' for reading: No such file or directory\n");
    cmd("tac")
        .args(["-s", ""])
        .run()
        .status(1)
        .err("tac: separator cannot be empty\n");
    cmd("tac")
        .args(["-r", "-s", "\\("])
        .run()
        .status(1)
        .err("tac: Unmatched ( or \\(\n");
    cmd("tac")
        .args(["-r", "-s", "[a"])
        .run()
        .status(1)
        .err("tac: Unmatched [, [^, [:, [., or [=\n");
}

#[test]
fn regex_separators() {
    // GNU tac's syntax: `+` repeats, `\+` `( ) | { }` are plain, `\|`
    // alternates, a leading `*` and an inner `^` are plain.
    case("tac", &["-r", "-s", "a+"], "xa+ba+c", "+c+baxa");
    case("tac", &["-r", "-s", "[0-9]\\+"], "a1b22c", "a1b22c");
    case("tac", &["-r", "-s", "(b)"], "a(b)c", "ca(b)");
    case("tac", &["-r", "-s", "x\\|y"], "axbyc", "cbyax");
    case("tac", &["-r", "-s", "*"], "a*b", "ba*");
    case("tac", &["-r", "-s", "a^"], "a^b", "ba^");
    case("tac", &["-r", "-s", "a{2}"], "a{2}b", "ba{2}");
    case("tac", &["-r", "-s", "a\\{2\\}"], "aab", "aab");
    // `.` leaves out the newline; anchors match at newlines.
    case("tac", &["-r", "-s", "."], "a.b\nc", "\ncb.a");
    case("tac", &["-r", "-s", "^c"], "ab\ncd\n", "d\nab\nc");
    case("tac", &["-r", "-s", "b$"], "ab\ncd\n", "\ncd\nab");
    // The backward search splits a run into its rightmost matches; empty
    // matches do not separate.
    case("tac", &["-r", "-s", "[0-9]+"], "x10y200z", "z00y20x1");
    case("tac", &["-r", "-s", "[0-9]*"], "a1b22c3", "c32b2a1");
    case("tac", &["-b", "-r", "-s", "[0-9]"], "a1b2\n", "2\n1ba");
    // Without -s the separator is the newline.
    case("tac", &["-r"], "one\ntwo\n", "two\none\n");
}
