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
        .args(["-r", "-s", "x"])
        .run()
        .status(1)
        .err_has("tac: unsupported option '-r'");
}
