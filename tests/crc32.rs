//! crc32: zlib CRC-32 as 8 lowercase hex digits, as BusyBox prints it.

use crate::common::*;

/// 256 byte values 40 times, two NULs and "tail": binary data of 10246 bytes.
fn binary() -> Vec<u8> {
    let mut v: Vec<u8> = (0..40).flat_map(|_| 0..=255u8).collect();
    v.extend_from_slice(b"\0\0tail");
    v
}

#[test]
fn values() {
    case("crc32", &[], "", "00000000\n");
    case("crc32", &[], "x", "8cdc1683\n");
    case("crc32", &[], "123456789", "cbf43926\n");
    case("crc32", &["-"], "hello\n", "363a3020 -\n");
    let t = TempDir::new();
    t.write("bin", binary());
    t.write("big", "a".repeat(1 << 20));
    t.write("e", "");
    cmd("crc32")
        .args(["bin", "big", "e"])
        .cwd(t.path())
        .run()
        .ok()
        .out("c421ce2c bin\nd7cd5672 big\n00000000 e\n");
}

#[test]
fn errors() {
    let t = TempDir::new();
    t.write("h", "hello\n");
    cmd("crc32")
        .args(["nope", "h", "."])
        .cwd(t.path())
        .run()
        .status(1)
        .out("363a3020 h\n")
        .err("crc32: nope: No such file or directory\ncrc32: .: Is a directory\n");
    cmd("crc32")
        .arg("-x")
        .run()
        .status(1)
        .out("")
        .err_has("crc32: invalid option -- 'x'");
}
