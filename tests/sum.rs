//! sum: BSD (-r, default) and System V (-s) sums, GNU's output formats.

use crate::common::*;

/// 256 byte values 40 times, two NULs and "tail": binary data of 10246 bytes.
fn binary() -> Vec<u8> {
    let mut v: Vec<u8> = (0..40).flat_map(|_| 0..=255u8).collect();
    v.extend_from_slice(b"\0\0tail");
    v
}

#[test]
fn bsd() {
    case("sum", &[], "", "00000     0\n");
    case("sum", &[], "x", "00120     1\n");
    case("sum", &["-r"], "hello\n", "36979     1\n");
    case("sum", &["-"], "hello\n", "36979     1 -\n");
    let t = TempDir::new();
    t.write("bin", binary());
    t.write("big", "a".repeat(1 << 20));
    cmd("sum")
        .args(["bin", "big"])
        .cwd(t.path())
        .run()
        .ok()
        .out("16903    11 bin\n63889  1024 big\n");
}

#[test]
fn sysv() {
    case("sum", &["-s"], "", "0 0\n");
    case("sum", &["--sysv"], "hello\n", "542 1\n");
    let t = TempDir::new();
    t.write("bin", binary());
    t.write("big", "a".repeat(1 << 20));
    cmd("sum")
        .args(["-s", "bin", "big"])
        .cwd(t.path())
        .run()
        .ok()
        .out("60861 21 bin\n1552 2048 big\n");
    // The last of -r and -s wins.
    case("sum", &["-rs"], "hello\n", "542 1\n");
    case("sum", &["-sr"], "hello\n", "36979     1\n");
}

#[test]
fn errors() {
    let t = TempDir::new();
    t.write("h", "hello\n");
    cmd("sum")
        .args(["h", "nope", "."])
        .cwd(t.path())
        .run()
        .status(1)
        .out("36979     1 h\n")
        .err("sum: nope: No such file or directory\nsum: .: Is a directory\n");
    cmd("sum")
        .arg("-x")
        .run()
        .status(1)
        .out("")
        .err_has("sum: invalid option -- 'x'");
}
