//! base64: encoding, wrapping, decoding with and without -i, errors.

use crate::common::*;

#[test]
fn encodes() {
    case("base64", &[], "hello", "aGVsbG8=\n");
    case("base64", &[], "", "");
    case("base64", &["-w", "0"], "hello", "aGVsbG8=");
    case(
        "base64",
        &["-w", "20"],
        &"\0".repeat(30),
        "AAAAAAAAAAAAAAAAAAAA\nAAAAAAAAAAAAAAAAAAAA\n",
    );
    let long = "x".repeat(100);
    let out = cmd("base64").stdin(long).run();
    out.ok();
    let lens: Vec<usize> = out.stdout_str().lines().map(str::len).collect();
    assert_eq!(lens, [76, 60]);
}

#[test]
fn decodes() {
    case("base64", &["-d"], "aGVsbG8=", "hello");
    case("base64", &["-d"], "aGVs\nbG8=\n", "hello");
    case("base64", &["--decode"], "aGVsbG8=aGk=", "hellohi");
    case("base64", &["-d", "-i"], "aGV*sbG8=", "hello");
    let t = TempDir::new();
    let data: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
    t.write("bin", &data);
    let enc = cmd("base64").arg("bin").cwd(t.path()).run();
    enc.ok();
    cmd("base64")
        .arg("-d")
        .stdin(enc.stdout.clone())
        .run()
        .ok()
        .out(&data);
}

#[test]
fn invalid_input() {
    cmd("base64")
        .arg("-d")
        .stdin("aGV*sbG8=")
        .run()
        .status(1)
        .out("he")
        .err("base64: invalid input\n");
    cmd("base64")
        .arg("-d")
        .stdin("aGVsbG8")
        .run()
        .status(1)
        .out("hello")
        .err("base64: invalid input\n");
    cmd("base64")
        .arg("-d")
        .stdin("a")
        .run()
        .status(1)
        .out("")
        .err("base64: invalid input\n");
    cmd("base64")
        .args(["-w", "x"])
        .run()
        .status(1)
        .err("base64: invalid wrap size: 'x'\n");
    cmd("base64")
        .args(["a", "b"])
        .run()
        .status(1)
        .err_has("base64: extra operand 'b'\n");
    cmd("base64")
        .arg("nonex")
        .run()
        .status(1)
        .err("base64: nonex: No such file or directory\n");
}
