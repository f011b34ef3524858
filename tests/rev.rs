//! rev: bytes in C, characters in UTF-8, odd input, errors.

use crate::common::*;

#[test]
fn reverses_lines() {
    case("rev", &[], "abc\nxy", "cba\nyx");
    case("rev", &[], "\n\n", "\n\n");
    case("rev", &[], "", "");
    cmd("rev").stdin("dé\n").run().ok().out(b"\xa9\xc3d\n");
    cmd("rev")
        .env("LC_ALL", "C.UTF-8")
        .stdin("dé\n")
        .run()
        .ok()
        .out("éd\n");
    cmd("rev")
        .env("LC_ALL", "C.UTF-8")
        .stdin(b"a\xffb\n")
        .run()
        .ok()
        .out(b"b\xffa\n");
    let t = TempDir::new();
    t.write("f", "12\n");
    cmd("rev")
        .args(["f", "-", "f"])
        .stdin("ab\n")
        .cwd(t.path())
        .run()
        .ok()
        .out("21\nba\n21\n");
    cmd("rev")
        .args(["nonex", "f"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("21\n")
        .err("rev: cannot open nonex: No such file or directory\n");
}
