//! cksum: the POSIX CRC and length, GNU 9's -a ALGO (crc, bsd, sysv and
//! the digests of the sha*sum engine), -z, and the error paths.

use crate::common::*;

/// 256 byte values 40 times, two NULs and "tail": binary data of 10246 bytes.
fn binary() -> Vec<u8> {
    let mut v: Vec<u8> = (0..40).flat_map(|_| 0..=255u8).collect();
    v.extend_from_slice(b"\0\0tail");
    v
}

#[test]
fn crc_and_length() {
    case("cksum", &[], "", "4294967295 0\n");
    case("cksum", &[], "x", "12738659 1\n");
    case("cksum", &[], "hello\n", "3015617425 6\n");
    case("cksum", &["-"], "hello\n", "3015617425 6 -\n");
    let t = TempDir::new();
    t.write("bin", binary());
    t.write("big", "a".repeat(1 << 20));
    t.write("sp ace", "hello\n");
    cmd("cksum")
        .args(["bin", "big", "sp ace"])
        .cwd(t.path())
        .run()
        .ok()
        .out("2538304578 10246 bin\n3047593592 1048576 big\n3015617425 6 sp ace\n");
    cmd("cksum")
        .args(["-z", "bin", "-a", "crc"])
        .cwd(t.path())
        .run()
        .ok()
        .out("2538304578 10246 bin\0");
    // Names are printed as they are, newline and all (GNU 9.1).
    t.write("a\nb", "x");
    cmd("cksum")
        .arg("a\nb")
        .cwd(t.path())
        .run()
        .ok()
        .out("12738659 1 a\nb\n");
}

#[test]
fn sum_algorithms() {
    let t = TempDir::new();
    t.write("bin", binary());
    t.write("h", "hello\n");
    cmd("cksum")
        .args(["-a", "bsd", "bin", "h"])
        .cwd(t.path())
        .run()
        .ok()
        .out("16903    11 bin\n36979     1 h\n");
    cmd("cksum")
        .args(["--algorithm=sysv", "bin", "h"])
        .cwd(t.path())
        .run()
        .ok()
        .out("60861 21 bin\n542 1 h\n");
    case("cksum", &["-a", "sysv"], "", "0 0\n");
    case("cksum", &["-a", "bsd"], "", "00000     0\n");
}

#[test]
#[cfg(all(
    feature = "md5sum",
    feature = "sha1sum",
    feature = "sha256sum",
    feature = "sha512sum"
))]
fn digests() {
    case(
        "cksum",
        &["-a", "sha256"],
        "hello\n",
        "SHA256 (-) = 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03\n",
    );
    case(
        "cksum",
        &["-a", "sha1", "--untagged", "-"],
        "hello\n",
        "f572d396fae9206628714fb2ce00f72e94f2258f  -\n",
    );
    case(
        "cksum",
        &["-a", "md5", "--untagged", "--tag"],
        "",
        "MD5 (-) = d41d8cd98f00b204e9800998ecf8427e\n",
    );
    let t = TempDir::new();
    t.write("h", "hello\n");
    sh("cksum -a sha512 h > l && cksum -a sha512 -c l && cksum -a md5 --untagged h | cksum -a md5 -c --quiet -")
        .cwd(t.path())
        .run()
        .ok()
        .out("h: OK\n");
    t.write(
        "l2",
        "SHA256 (h) = 0000000000000000000000000000000000000000000000000000000000000000\n",
    );
    cmd("cksum")
        .args(["-a", "sha256", "-c", "l2"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("h: FAILED\n")
        .err("cksum: WARNING: 1 computed checksum did NOT match\n");
    cmd("cksum")
        .args(["-a", "sha256", "-c", "--status", "l2"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err("");
}

#[test]
fn errors() {
    let t = TempDir::new();
    t.write("h", "hello\n");
    cmd("cksum")
        .args(["nope", "h", "."])
        .cwd(t.path())
        .run()
        .status(1)
        .out("3015617425 6 h\n")
        .err("cksum: nope: No such file or directory\ncksum: .: Is a directory\n");
    cmd("cksum")
        .args(["-c", "h"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err("cksum: --check without --algorithm is unsupported: give -a ALGO\n");
    cmd("cksum")
        .args(["-a", "sysv", "-c", "h"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("cksum: --check is not supported with --algorithm={bsd,sysv,crc}\n");
    cmd("cksum")
        .args(["-a", "sha3", "h"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err_has("cksum: invalid argument 'sha3' for '--algorithm'");
    cmd("cksum")
        .args(["-a", "blake2b", "h"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err("cksum: --algorithm=blake2b: not built into this binary\n");
    cmd("cksum")
        .args(["-l", "8", "h"])
        .cwd(t.path())
        .run()
        .status(1)
        .err_has("cksum: --length is only supported with --algorithm=blake2b\n");
    cmd("cksum")
        .args(["--quiet", "h"])
        .cwd(t.path())
        .run()
        .status(1)
        .err_has("the --quiet option is meaningful only when verifying checksums");
    cmd("cksum")
        .arg("h")
        .cwd(t.path())
        .stdout_full()
        .run()
        .status(1)
        .err("cksum: write error: No space left on device\n");
}

#[test]
fn debug() {
    let o = cmd("cksum").arg("--debug").stdin("x").run();
    o.status(0).out("12738659 1\n");
    let e = o.stderr_str();
    assert!(
        e == "cksum: using pclmul hardware support\n"
            || e == "cksum: using generic hardware support\n",
        "{e:?}"
    );
    cmd("cksum")
        .args(["--debug", "-a", "sysv"])
        .stdin("x")
        .run()
        .ok()
        .out("120 1\n");
}
