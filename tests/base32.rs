//! base32: encoding, padding, wrapping, decoding, errors.

use crate::common::*;

#[test]
fn round_trips() {
    case("base32", &[], "hello", "NBSWY3DP\n");
    case("base32", &[], "a", "ME======\n");
    case("base32", &["-d"], "NBSWY3DP", "hello");
    case("base32", &["-d"], "ME======\nMFRA====\n", "aab");
    case("base32", &["-w", "4"], "hello", "NBSW\nY3DP\n");
    let data: Vec<u8> = (0..=255u8).collect();
    let enc = cmd("base32").stdin(data.clone()).run();
    enc.ok();
    cmd("base32")
        .arg("-d")
        .stdin(enc.stdout.clone())
        .run()
        .ok()
        .out(&data);
}

#[test]
fn invalid_input() {
    cmd("base32")
        .arg("-d")
        .stdin("NBSW*Y3DP")
        .run()
        .status(1)
        .err("base32: invalid input\n");
    cmd("base32")
        .args(["-d", "-i"])
        .stdin("NBSW*Y3DP")
        .run()
        .ok()
        .out("hello");
}
