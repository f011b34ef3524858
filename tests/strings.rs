//! strings: lengths, offsets, names, encodings, white space, errors.

use crate::common::*;

const BIN: &[u8] = b"abc\0defgh\0\tij kl\nmnop\x01qrstu\x80vwxyz";

fn strings(args: &[&str], input: &[u8]) -> String {
    let o = cmd("strings").args(args).stdin(input).run();
    o.ok();
    o.stdout_str()
}

#[test]
fn finds_strings() {
    assert_eq!(strings(&[], BIN), "defgh\n\tij kl\nmnop\nqrstu\nvwxyz\n");
    assert_eq!(
        strings(&["-a"], BIN),
        "defgh\n\tij kl\nmnop\nqrstu\nvwxyz\n"
    );
    assert_eq!(strings(&["-n", "6"], BIN), "\tij kl\n");
    assert_eq!(strings(&["--bytes=3"], BIN), strings(&["-3"], BIN));
    assert!(strings(&["-3"], BIN).starts_with("abc\ndefgh\n"));
    assert_eq!(strings(&[], b""), "");
    assert_eq!(strings(&[], b"abc"), "");
    assert_eq!(strings(&[], b"abcd"), "abcd\n");
    let long = "x".repeat(200_000);
    assert_eq!(strings(&[], long.as_bytes()), format!("{long}\n"));
}

#[test]
fn offsets_and_names() {
    assert_eq!(
        strings(&["-n", "2", "-t", "x"], BIN),
        "      0 abc\n      4 defgh\n      a \tij kl\n     11 mnop\n     16 qrstu\n     1c vwxyz\n"
    );
    assert_eq!(strings(&["-td", "-n", "6"], BIN), "     10 \tij kl\n");
    assert_eq!(strings(&["-o", "-n", "6"], BIN), "     12 \tij kl\n");
    assert_eq!(strings(&["-t", "o", "-n", "6"], BIN), "     12 \tij kl\n");
    // The last of -o and -t wins.
    assert_eq!(
        strings(&["-o", "-t", "d", "-n", "6"], BIN),
        "     10 \tij kl\n"
    );
    assert_eq!(
        strings(&["-f", "-n", "6"], BIN),
        "{standard input}: \tij kl\n"
    );
    let t = TempDir::new();
    t.write("a b", BIN);
    t.write("c", "zzzzz");
    cmd("strings")
        .args(["-f", "-o", "-n", "5", "a b", "c"])
        .cwd(t.path())
        .run()
        .ok()
        .out("a b:       4 defgh\na b:      12 \tij kl\na b:      26 qrstu\na b:      34 vwxyz\nc:       0 zzzzz\n");
    cmd("strings")
        .args(["-n", "5", "c", "-"])
        .stdin("yyyyyy")
        .cwd(t.path())
        .run()
        .ok()
        .out("zzzzz\nyyyyyy\n");
}

#[test]
fn white_space_and_encodings() {
    assert_eq!(
        strings(&["-w", "-n", "4"], b"abc\ndefg\r\n"),
        "abc\ndefg\r\n\n"
    );
    assert_eq!(strings(&["-w"], b"abcd\x0b\x0c"), "abcd\x0b\x0c\n");
    assert_eq!(strings(&[], b"abc\x7fdefg\n"), "defg\n");
    let o = cmd("strings")
        .args(["-e", "S", "-td"])
        .stdin(b"abcde\xe9fgh")
        .run();
    o.ok().out(b"      0 abcde\xe9fgh\n");
    assert_eq!(strings(&["-e", "s"], b"abcde\xe9fgh"), "abcde\n");
    assert_eq!(
        strings(&["-el"], b"a\0b\0c\0d\0\0\0x\0y\0z\0w\0"),
        "abcd\nxyzw\n"
    );
    // Wide characters are read at every byte offset.
    assert_eq!(strings(&["-el"], b"Za\0b\0c\0d\0"), "abcd\n");
    assert_eq!(strings(&["-eb"], b"\0a\0b\0c\0d"), "abcd\n");
    assert_eq!(
        strings(&["-eB", "-tx"], b"\0\0\0a\0\0\0b\0\0\0c\0\0\0d\0\0\x01e"),
        "      0 abcd\n"
    );
    assert_eq!(strings(&["-eL"], b"a\0\0\0b\0\0\0c\0\0\0d\0\0\0"), "abcd\n");
    // 16-bit characters above 127 are not printable, even with -e S rules.
    assert_eq!(strings(&["-el"], b"a\0b\0\xe9\0c\0d\0e\0f\0"), "cdef\n");
}

#[test]
fn separators() {
    assert_eq!(strings(&["-s", "|"], b"abcdef\0ghijk"), "abcdef|ghijk|");
    assert_eq!(
        strings(&["--output-separator="], b"abcdef\0ghijk"),
        "abcdefghijk"
    );
}

#[test]
fn errors() {
    cmd("strings")
        .args(["-n", "0"])
        .run()
        .status(1)
        .err("strings: invalid minimum string length 0\n");
    cmd("strings")
        .args(["-n", "x"])
        .run()
        .status(1)
        .err("strings: invalid integer argument x\n");
    cmd("strings")
        .args(["-t", "q"])
        .run()
        .status(1)
        .err_has("strings: invalid radix");
    cmd("strings")
        .args(["-e", "q"])
        .run()
        .status(1)
        .err_has("strings: invalid encoding");
    let t = TempDir::new();
    t.write("f", "abcdef");
    std::fs::create_dir(t.join("d")).unwrap();
    cmd("strings")
        .args(["nonex", "d", "f"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("abcdef\n")
        .err("strings: nonex: No such file or directory\nstrings: d: Is a directory\n");
    cmd("strings")
        .stdin("abcdef")
        .stdout_full()
        .run()
        .status(1)
        .err("strings: write error: No space left on device\n");
}
