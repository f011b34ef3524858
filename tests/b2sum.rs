//! b2sum: BLAKE2b digests with GNU's options: -l, --tag, -b, -z, -c with
//! --quiet --status --strict -w --ignore-missing, the corners of the
//! check lines, and the error paths.

use crate::common::*;

const HELLO: &str = "f60ce482e5cc1229f39d71313171a8d9f4ca3a87d066bf4b205effb528192a75f14f3271e2c1a90e1de53f275b4d4793eef2f5e31ea90d2ce29d2e481c36435f";
const EMPTY: &str = "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce";

#[test]
fn digests() {
    case("b2sum", &[], "", &format!("{EMPTY}  -\n"));
    case("b2sum", &[], "hello\n", &format!("{HELLO}  -\n"));
    // RFC 7693 appendix A.
    case(
        "b2sum",
        &[],
        "abc",
        "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923  -\n",
    );
    let t = TempDir::new();
    t.write("h", "hello\n");
    t.write("big", "a".repeat(1 << 20));
    t.write("sp ace", "");
    cmd("b2sum")
        .args(["-l", "128", "h", "big", "sp ace"])
        .cwd(t.path())
        .run()
        .ok()
        .err("")
        .out("ea41b4de6c03f13a95758b28dd75693e  h\nc08b5910126f457f04fafdd04e92e546  big\ncae66941d9efbd404e4d88758ea67670  sp ace\n");
    cmd("b2sum")
        .args(["--tag", "-l", "16", "h"])
        .cwd(t.path())
        .run()
        .ok()
        .out("BLAKE2b-16 (h) = 9265\n");
    cmd("b2sum")
        .args(["--tag", "h"])
        .cwd(t.path())
        .run()
        .ok()
        .out(format!("BLAKE2b (h) = {HELLO}\n"));
    cmd("b2sum")
        .args(["-b", "-l", "16", "h"])
        .cwd(t.path())
        .run()
        .ok()
        .out("9265 *h\n");
    cmd("b2sum")
        .args(["-bt", "-l", "16", "h"])
        .cwd(t.path())
        .run()
        .ok()
        .out("9265  h\n");
    // Leading blanks and a plus sign are accepted, as strtoumax takes them.
    for l in ["0", "512", " 512", "+512"] {
        cmd("b2sum")
            .args(["-l", l, "h"])
            .cwd(t.path())
            .run()
            .ok()
            .out(format!("{HELLO}  h\n"));
    }
}

#[test]
fn odd_names() {
    let t = TempDir::new();
    t.write("a\\b", "hello\n");
    t.write("c\nd", "hello\n");
    cmd("b2sum")
        .args(["-l", "16", "a\\b", "c\nd"])
        .cwd(t.path())
        .run()
        .ok()
        .out("\\9265  a\\\\b\n\\9265  c\\nd\n");
    cmd("b2sum")
        .args(["-z", "-l", "16", "a\\b", "c\nd"])
        .cwd(t.path())
        .run()
        .ok()
        .out("9265  a\\b\09265  c\nd\0");
    sh("b2sum --tag 'a\\b' \"c\nd\" | b2sum -c")
        .cwd(t.path())
        .run()
        .ok()
        .out("a\\b: OK\n\\c\\nd: OK\n");
}

#[test]
fn check() {
    let t = TempDir::new();
    t.write("h", "hello\n");
    t.write("x", "x");
    // Each line's own length counts; -l is ignored when checking.
    t.write(
        "l",
        format!("9265  h\nBLAKE2b-16 (h) = 9265\n{HELLO} *h\nBLAKE2b (x) = {HELLO}\n"),
    );
    cmd("b2sum")
        .args(["-l", "24", "-c", "l"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("h: OK\nh: OK\nh: OK\nx: FAILED\n")
        .err("b2sum: WARNING: 1 computed checksum did NOT match\n");
    cmd("b2sum")
        .args(["-c", "--quiet", "l"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("x: FAILED\n");
    cmd("b2sum")
        .args(["-c", "--status", "l"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err("");
    // Odd or overlong digests, a length that is no multiple of 8 and a
    // tag without length for a short digest are improperly formatted.
    t.write(
        "bad",
        format!(
            "926  h\n9265f  h\n{HELLO}00  h\nBLAKE2b-12 (h) = 926\nBLAKE2b (h) = 9265\nBLAKE2b-16  (h) = 9265\n9265  h\n"
        ),
    );
    cmd("b2sum")
        .args(["-c", "-w", "bad"])
        .cwd(t.path())
        .run()
        .status(0)
        .out("h: OK\n")
        .err(
            "b2sum: bad: 1: improperly formatted BLAKE2b checksum line\n\
             b2sum: bad: 2: improperly formatted BLAKE2b checksum line\n\
             b2sum: bad: 3: improperly formatted BLAKE2b checksum line\n\
             b2sum: bad: 4: improperly formatted BLAKE2b checksum line\n\
             b2sum: bad: 5: improperly formatted BLAKE2b checksum line\n\
             b2sum: bad: 6: improperly formatted BLAKE2b checksum line\n\
             b2sum: WARNING: 6 lines are improperly formatted\n",
        );
    cmd("b2sum")
        .args(["-c", "--strict", "bad"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("h: OK\n")
        .err("b2sum: WARNING: 6 lines are improperly formatted\n");
    cmd("b2sum")
        .args(["-c", "-"])
        .cwd(t.path())
        .stdin("9265  gone\n9265  h\n")
        .run()
        .status(1)
        .out("gone: FAILED open or read\nh: OK\n")
        .err("b2sum: gone: No such file or directory\nb2sum: WARNING: 1 listed file could not be read\n");
    cmd("b2sum")
        .args(["-c", "--ignore-missing", "-"])
        .cwd(t.path())
        .stdin("9265  gone\n9265  h\n")
        .run()
        .ok()
        .out("h: OK\n")
        .err("");
    cmd("b2sum")
        .args(["-c", "-"])
        .stdin("junk\n")
        .run()
        .status(1)
        .err("b2sum: 'standard input': no properly formatted checksum lines found\n");
}

#[test]
fn errors() {
    let t = TempDir::new();
    t.write("h", "hello\n");
    for (l, second) in [
        ("7", "b2sum: length is not a multiple of 8\n"),
        (
            "1024",
            "b2sum: maximum digest length for 'BLAKE2b' is 512 bits\n",
        ),
        ("-8", ""),
        ("0x10", ""),
        ("16k", ""),
        ("", ""),
    ] {
        cmd("b2sum")
            .args(["-l", l, "h"])
            .cwd(t.path())
            .run()
            .status(1)
            .out("")
            .err(format!("b2sum: invalid length: '{l}'\n{second}"));
    }
    cmd("b2sum")
        .args(["nope", "h"])
        .cwd(t.path())
        .run()
        .status(1)
        .out(format!("{HELLO}  h\n"))
        .err("b2sum: nope: No such file or directory\n");
    cmd("b2sum")
        .args(["-c", "--tag", "h"])
        .cwd(t.path())
        .run()
        .status(1)
        .err_has("b2sum: the --tag option is meaningless when verifying checksums\n");
    cmd("b2sum")
        .args(["-c", "-z", "h"])
        .cwd(t.path())
        .run()
        .status(1)
        .err_has("b2sum: the --zero option is not supported when verifying checksums\n");
    cmd("b2sum")
        .args(["--strict", "h"])
        .cwd(t.path())
        .run()
        .status(1)
        .err_has("b2sum: the --strict option is meaningful only when verifying checksums\n");
    cmd("b2sum")
        .arg("-l")
        .run()
        .status(1)
        .out("")
        .err_has("b2sum: option requires an argument -- 'l'\n");
    cmd("b2sum")
        .arg("h")
        .cwd(t.path())
        .stdout_full()
        .run()
        .status(1)
        .err("b2sum: write error: No space left on device\n");
}

/// Corner cases of the check lines, as GNU 9.1 reads them.
#[test]
fn check_line_corners() {
    let t = TempDir::new();
    t.write("f", "hello\n");
    // A digest, a tab and nothing: the name is empty (md5sum refuses it).
    cmd("b2sum")
        .args(["-c", "-"])
        .cwd(t.path())
        .stdin("9265\t\n")
        .run()
        .status(1)
        .out(": FAILED open or read\n")
        .err("b2sum: '': No such file or directory\nb2sum: WARNING: 1 listed file could not be read\n");
    cmd("md5sum")
        .args(["-c", "-"])
        .cwd(t.path())
        .stdin("b1946ac92492d2347c6235b4d2611184\t\n")
        .run()
        .status(1)
        .out("")
        .err("md5sum: 'standard input': no properly formatted checksum lines found\n");
    // An odd number of hex digits is no digest, nor base64 for BLAKE2b.
    cmd("b2sum")
        .args(["-c", "-"])
        .cwd(t.path())
        .stdin("8SM3  f\n926  f\n")
        .run()
        .status(1)
        .out("")
        .err("b2sum: 'standard input': no properly formatted checksum lines found\n");
}
