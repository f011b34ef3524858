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
    // Without -a, -c reads tagged lines only.
    cmd("cksum")
        .args(["-c", "h"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err("cksum: h: no properly formatted checksum lines found\n");
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
        .args(["-a", "nope", "h"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err_has("cksum: invalid argument 'nope' for '--algorithm'\nValid arguments are:\n  - 'bsd'\n  - 'sysv'\n  - 'crc'\n  - 'md5'\n  - 'sha1'\n  - 'sha224'\n  - 'sha256'\n  - 'sha384'\n  - 'sha512'\n  - 'blake2b'\n  - 'sm3'\n");
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

/// `hello\n`'s digests, as GNU cksum 9.1 prints them.
const B2_HELLO: &str = "f60ce482e5cc1229f39d71313171a8d9f4ca3a87d066bf4b205effb528192a75f14f3271e2c1a90e1de53f275b4d4793eef2f5e31ea90d2ce29d2e481c36435f";
const B2_256_HELLO: &str = "93becc6e9882211c3ec3708c95bcd69baab7bb59c7f4bc84ce637b88a534b783";
const SM3_HELLO: &str = "f7a87a195b0cc0052b9d598482212ceb07e4ea60e8d139a5dfeff36c24abf2b3";

#[test]
fn blake2b_and_sm3() {
    let t = TempDir::new();
    t.write("h", "hello\n");
    t.write("x", "x");
    cmd("cksum")
        .args(["-a", "blake2b", "h"])
        .cwd(t.path())
        .run()
        .ok()
        .err("")
        .out(format!("BLAKE2b (h) = {B2_HELLO}\n"));
    cmd("cksum")
        .args(["-a", "blake2b", "-l", "256", "h", "x"])
        .cwd(t.path())
        .run()
        .ok()
        .out(format!(
            "BLAKE2b-256 (h) = {B2_256_HELLO}\nBLAKE2b-256 (x) = d161d71145abeec5ef15abcf0459cec60a27321e2f0ac0ef7ace5254f5944476\n"
        ));
    // 512 and 0 both mean the whole digest, shown without a length.
    for l in ["512", "0"] {
        cmd("cksum")
            .args(["-a", "blake2b", "-l", l, "h"])
            .cwd(t.path())
            .run()
            .ok()
            .out(format!("BLAKE2b (h) = {B2_HELLO}\n"));
    }
    case(
        "cksum",
        &["-a", "blake2b", "-l", "8"],
        "",
        "BLAKE2b-8 (-) = 2e\n",
    );
    case(
        "cksum",
        &["-a", "blake2b", "--untagged", "-l", "16"],
        "hello\n",
        "9265  -\n",
    );
    cmd("cksum")
        .args(["-a", "sm3", "h"])
        .cwd(t.path())
        .run()
        .ok()
        .out(format!("SM3 (h) = {SM3_HELLO}\n"));
    cmd("cksum")
        .args(["-a", "sm3", "--untagged", "-z", "h"])
        .cwd(t.path())
        .run()
        .ok()
        .out(format!("{SM3_HELLO}  h\0"));
    // GB/T 32905 example 1.
    case(
        "cksum",
        &["-a", "sm3", "--untagged"],
        "abc",
        "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0  -\n",
    );
    // A name with a backslash is escaped and the line marked.
    t.write("a\\b", "hello\n");
    cmd("cksum")
        .args(["-a", "blake2b", "-l", "16", "a\\b"])
        .cwd(t.path())
        .run()
        .ok()
        .out("\\BLAKE2b-16 (a\\\\b) = 9265\n");
}

#[test]
fn length_errors() {
    let t = TempDir::new();
    t.write("h", "hello\n");
    for (l, second) in [
        ("7", "length is not a multiple of 8"),
        ("1001", "length is not a multiple of 8"),
        ("520", "maximum digest length for 'BLAKE2b' is 512 bits"),
    ] {
        cmd("cksum")
            .args(["-a", "blake2b", "-l", l, "h"])
            .cwd(t.path())
            .run()
            .status(1)
            .out("")
            .err(format!("cksum: invalid length: '{l}'\ncksum: {second}\n"));
    }
    for l in ["x", "-8", "16k", ""] {
        cmd("cksum")
            .args(["-a", "blake2b", "-l", l, "h"])
            .cwd(t.path())
            .run()
            .status(1)
            .err(format!("cksum: invalid length: '{l}'\n"));
    }
    // The length is checked before the algorithm, as GNU does.
    cmd("cksum")
        .args(["-a", "sm3", "-l", "7", "h"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("cksum: invalid length: '7'\ncksum: length is not a multiple of 8\n");
    cmd("cksum")
        .args(["-a", "sm3", "-l", "8", "h"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err("cksum: --length is only supported with --algorithm=blake2b\n");
    cmd("cksum")
        .args(["-a", "blake2b", "-c", "-z", "h"])
        .cwd(t.path())
        .run()
        .status(1)
        .err_has("cksum: the --zero option is not supported when verifying checksums\n");
}

#[test]
fn check_picks_the_algorithm_per_line() {
    let t = TempDir::new();
    t.write("h", "hello\n");
    t.write("x", "x");
    t.write(
        "list",
        format!(
            "BLAKE2b (h) = {B2_HELLO}\n\
             BLAKE2b-256 (h) = {B2_256_HELLO}\n\
             BLAKE2b-16(x) = 9225\n\
             \tSM3 (h) = {SM3_HELLO}\n\
             SM3  (h) = {}\n",
            SM3_HELLO.to_uppercase()
        ),
    );
    cmd("cksum")
        .args(["-c", "list"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("h: OK\nh: OK\nx: FAILED\nh: OK\nh: OK\n")
        .err("cksum: WARNING: 1 computed checksum did NOT match\n");
    cmd("cksum")
        .args(["-c", "--quiet", "-"])
        .cwd(t.path())
        .stdin("BLAKE2b-0x10 (h) = 9265\r\nBLAKE2b-+16 (h) = 9265\n")
        .run()
        .ok()
        .out("")
        .err("");
    // Bad lines are named with the algorithm of the last line that named
    // one, CRC before any; untagged, CRC and short lines do not count.
    t.write(
        "bad",
        format!(
            "{B2_256_HELLO}  h\n\
             CRC (h) = 3015617425\n\
             SM3 (h) = {SM3_HELLO}\n\
             BLAKE2b (h) = {B2_256_HELLO}\n\
             BLAKE2b-12 (h) = 926\n\
             BLAKE2b-16  (h) = 9265\n\
             MD5x (h) = 00\n\
             SM3 (h) = {SM3_HELLO} \n\
             SM3   (h) = {SM3_HELLO}\n"
        ),
    );
    cmd("cksum")
        .args(["-c", "-w", "bad"])
        .cwd(t.path())
        .run()
        .status(0)
        .out("h: OK\n")
        .err(
            "cksum: bad: 1: improperly formatted CRC checksum line\n\
             cksum: bad: 2: improperly formatted CRC checksum line\n\
             cksum: bad: 4: improperly formatted BLAKE2b checksum line\n\
             cksum: bad: 5: improperly formatted BLAKE2b checksum line\n\
             cksum: bad: 6: improperly formatted BLAKE2b checksum line\n\
             cksum: bad: 7: improperly formatted BLAKE2b checksum line\n\
             cksum: bad: 8: improperly formatted SM3 checksum line\n\
             cksum: bad: 9: improperly formatted SM3 checksum line\n\
             cksum: WARNING: 8 lines are improperly formatted\n",
        );
    cmd("cksum")
        .args(["-c", "--strict", "bad"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("h: OK\n")
        .err("cksum: WARNING: 8 lines are improperly formatted\n");
    // The file name runs to the line's last parenthesis; a missing file
    // and a `-` in a list read from stdin.
    cmd("cksum")
        .args(["-c", "-"])
        .cwd(t.path())
        .stdin(format!(
            "SM3 (h) (x) = {SM3_HELLO}\nSM3 (-) = {SM3_HELLO}\n"
        ))
        .run()
        .status(1)
        .out("h) (x: FAILED open or read\n")
        .err(
            "cksum: 'h) (x': No such file or directory\n\
             cksum: WARNING: 1 line is improperly formatted\n\
             cksum: WARNING: 1 listed file could not be read\n",
        );
    cmd("cksum")
        .args(["-c", "--ignore-missing", "-"])
        .cwd(t.path())
        .stdin(format!("SM3 (gone) = {SM3_HELLO}\nSM3 (h) = {SM3_HELLO}\n"))
        .run()
        .ok()
        .out("h: OK\n");
    // With -a, untagged lines are read too, and BLAKE2b's length comes
    // from the digest's.
    cmd("cksum")
        .args(["-a", "blake2b", "-c", "-"])
        .cwd(t.path())
        .stdin(format!(
            "9265  h\n{B2_256_HELLO} *h\nBLAKE2b-16 (h) = 9265\n926  h\n"
        ))
        .run()
        .status(0)
        .out("h: OK\nh: OK\nh: OK\n")
        .err("cksum: WARNING: 1 line is improperly formatted\n");
}

#[test]
#[cfg(all(feature = "md5sum", feature = "sha1sum"))]
fn check_mixed_with_md5_and_sha1() {
    let t = TempDir::new();
    t.write("h", "hello\n");
    sh("cksum -a md5 h > l; cksum -a sha1 h >> l; cksum -a blake2b -l 64 h >> l; cksum -a sm3 h >> l; cat l; cksum -c l")
        .cwd(t.path())
        .run()
        .ok()
        .out(format!(
            "MD5 (h) = b1946ac92492d2347c6235b4d2611184\n\
             SHA1 (h) = f572d396fae9206628714fb2ce00f72e94f2258f\n\
             BLAKE2b-64 (h) = 4ad30d407a645613\n\
             SM3 (h) = {SM3_HELLO}\n\
             h: OK\nh: OK\nh: OK\nh: OK\n"
        ));
    // -a md5 reads the loose tagged form too, as GNU's cksum does.
    cmd("cksum")
        .args(["-a", "md5", "-c", "-"])
        .cwd(t.path())
        .stdin("MD5  (h) = b1946ac92492d2347c6235b4d2611184\nb1946ac92492d2347c6235b4d2611184 h\n")
        .run()
        .ok()
        .out("h: OK\nh: OK\n");
}

/// `--base64` and `--raw` are coreutils 9.2's (9.1 has neither), as its
/// manual describes them.
#[test]
fn base64_and_raw() {
    let t = TempDir::new();
    t.write("h", "hello\n");
    t.write("x", "x");
    cmd("cksum")
        .args(["-a", "sm3", "--base64", "h"])
        .cwd(t.path())
        .run()
        .ok()
        .out("SM3 (h) = 96h6GVsMwAUrnVmEgiEs6wfk6mDo0Tml3+/zbCSr8rM=\n");
    cmd("cksum")
        .args(["-a", "blake2b", "-l", "16", "--base64", "--untagged", "h"])
        .cwd(t.path())
        .run()
        .ok()
        .out("kmU=  h\n");
    // The check reads base64 digests, padding exactly as printed.
    sh("cksum -a blake2b --base64 h x > l && cksum -a sm3 --base64 h >> l && cksum -c l && cksum -a blake2b -l 8 --base64 h | cksum -a blake2b -c")
        .cwd(t.path())
        .run()
        .ok()
        .out("h: OK\nx: OK\nh: OK\nh: OK\n");
    // An untagged BLAKE2b line does not say the length a base64 digest
    // would need.
    cmd("cksum")
        .args(["-a", "blake2b", "-c", "-"])
        .cwd(t.path())
        .stdin("kmU=  h\n")
        .run()
        .status(1)
        .out("")
        .err("cksum: 'standard input': no properly formatted checksum lines found\n");
    cmd("cksum")
        .args(["-a", "md5", "-c", "-"])
        .cwd(t.path())
        .stdin("sZRqySSS0jR8YjW00mERhA==  h\n")
        .run()
        .ok()
        .out("h: OK\n");
    cmd("cksum")
        .args(["-c", "-w", "-"])
        .cwd(t.path())
        .stdin("BLAKE2b-16 (h) = kmU\nBLAKE2b-16 (h) = kmU==\nBLAKE2b-16 (h) = kmV=\n")
        .run()
        .status(1)
        .out("")
        .err(
            "cksum: 'standard input': 1: improperly formatted BLAKE2b checksum line\n\
             cksum: 'standard input': 2: improperly formatted BLAKE2b checksum line\n\
             cksum: 'standard input': 3: improperly formatted BLAKE2b checksum line\n\
             cksum: 'standard input': no properly formatted checksum lines found\n",
        );
    // --raw: the bytes alone; the CRC and the sums big-endian.
    cmd("cksum")
        .args(["--raw", "h"])
        .cwd(t.path())
        .run()
        .ok()
        .out(b"\xb3\xbe\xab\x91".as_slice());
    cmd("cksum")
        .args(["-a", "bsd", "--raw"])
        .stdin("hello\n")
        .run()
        .ok()
        .out(b"\x90\x73".as_slice());
    cmd("cksum")
        .args(["-a", "sysv", "--raw"])
        .stdin("hello\n")
        .run()
        .ok()
        .out(b"\x02\x1e".as_slice());
    cmd("cksum")
        .args(["-a", "blake2b", "-l", "16", "--raw", "h"])
        .cwd(t.path())
        .run()
        .ok()
        .out(b"\x92\x65".as_slice());
    // --base64 leaves the CRC alone.
    case("cksum", &["--base64"], "hello\n", "3015617425 6\n");
    for algo in ["crc", "sm3"] {
        cmd("cksum")
            .args(["-a", algo, "--raw", "h", "x"])
            .cwd(t.path())
            .run()
            .status(1)
            .out("")
            .err("cksum: the --raw option is not supported with multiple files\n");
    }
}
