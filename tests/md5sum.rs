//! md5sum (and the engine the sha*sum applets share): digests, line forms,
//! name escaping, -c with every option, and the errors, as GNU.

use crate::common::*;

const HI: &str = "764efa883dda1e11db47671c4a3bbd9e";

fn setup() -> TempDir {
    let t = TempDir::new();
    t.write("a", "hi\n");
    t
}

#[test]
fn digests() {
    case("md5sum", &[], "", "d41d8cd98f00b204e9800998ecf8427e  -\n");
    case("md5sum", &[], "hi\n", &format!("{HI}  -\n"));
    let t = setup();
    cmd("md5sum")
        .arg("a")
        .cwd(t.path())
        .run()
        .ok()
        .out(format!("{HI}  a\n"));
    cmd("md5sum")
        .args(["-b", "a"])
        .cwd(t.path())
        .run()
        .ok()
        .out(format!("{HI} *a\n"));
    cmd("md5sum")
        .args(["-bt", "a"])
        .cwd(t.path())
        .run()
        .ok()
        .out(format!("{HI}  a\n"));
    cmd("md5sum")
        .args(["--tag", "a"])
        .cwd(t.path())
        .run()
        .ok()
        .out(format!("MD5 (a) = {HI}\n"));
    cmd("md5sum")
        .args(["-z", "a"])
        .cwd(t.path())
        .run()
        .ok()
        .out(format!("{HI}  a\0"));
    let big = vec![b'x'; 3_000_000];
    t.write("big", &big);
    cmd("md5sum")
        .arg("big")
        .cwd(t.path())
        .run()
        .ok()
        .out("8e32e22642bddc89698e25a4e9bf528b  big\n");
}

#[test]
fn odd_names_are_escaped() {
    let t = setup();
    t.write("b\\c", "x");
    t.write("n\nl", "x");
    cmd("md5sum")
        .arg("b\\c")
        .cwd(t.path())
        .run()
        .ok()
        .out("\\9dd4e461268c8034f5c8564e155c67a6  b\\\\c\n");
    cmd("md5sum")
        .arg("n\nl")
        .cwd(t.path())
        .run()
        .ok()
        .out("\\9dd4e461268c8034f5c8564e155c67a6  n\\nl\n");
    // Checked back: reports escape only newlines.
    sh("md5sum 'b\\c' | md5sum -c")
        .cwd(t.path())
        .run()
        .ok()
        .out("b\\c: OK\n");
    sh("md5sum n?l | md5sum -c")
        .cwd(t.path())
        .run()
        .ok()
        .out("\\n\\nl: OK\n");
}

#[test]
fn check() {
    let t = setup();
    t.write(
        "s",
        format!(
            "{HI}  a\njunk\n0{}  a\nd41d8cd98f00b204e9800998ecf8427e  nonex\n",
            &HI[1..]
        ),
    );
    cmd("md5sum").args(["-c", "s"]).cwd(t.path()).run().status(1)
        .out("a: OK\na: FAILED\nnonex: FAILED open or read\n")
        .err("md5sum: nonex: No such file or directory\nmd5sum: WARNING: 1 line is improperly formatted\nmd5sum: WARNING: 1 listed file could not be read\nmd5sum: WARNING: 1 computed checksum did NOT match\n");
    cmd("md5sum")
        .args(["-c", "--quiet", "s"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("a: FAILED\nnonex: FAILED open or read\n");
    cmd("md5sum")
        .args(["-c", "--status", "s"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err("md5sum: nonex: No such file or directory\n");
    cmd("md5sum")
        .args(["-c", "-w", "s"])
        .cwd(t.path())
        .run()
        .status(1)
        .err_has("md5sum: s: 2: improperly formatted MD5 checksum line\n");
    cmd("md5sum").args(["-c", "--ignore-missing", "s"]).cwd(t.path()).run().status(1)
        .err("md5sum: WARNING: 1 line is improperly formatted\nmd5sum: WARNING: 1 computed checksum did NOT match\n");
    // Only good lines: status 0; an improperly formatted line fails only with --strict.
    t.write("g", format!("{HI}  a\nMD5 (a) = {HI}\n{HI} *a\nbad line\n"));
    cmd("md5sum")
        .args(["-c", "g"])
        .cwd(t.path())
        .run()
        .status(0)
        .out("a: OK\na: OK\na: OK\n")
        .err("md5sum: WARNING: 1 line is improperly formatted\n");
    cmd("md5sum")
        .args(["-c", "--strict", "g"])
        .cwd(t.path())
        .run()
        .status(1);
    sh("md5sum a | md5sum -c")
        .cwd(t.path())
        .run()
        .ok()
        .out("a: OK\n");
    t.write("j", "junk\n");
    cmd("md5sum")
        .args(["-c", "j"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err("md5sum: j: no properly formatted checksum lines found\n");
    t.write("two", format!("0{}  a\n0{}  a\n", &HI[1..], &HI[1..]));
    cmd("md5sum")
        .args(["-c", "two"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("md5sum: WARNING: 2 computed checksums did NOT match\n");
}

#[test]
fn errors() {
    let t = setup();
    cmd("md5sum")
        .args(["nonex", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .out(format!("{HI}  a\n"))
        .err("md5sum: nonex: No such file or directory\n");
    // Names in messages are quoted as GNU's quotef does: only when a shell
    // would need it; the check report on stdout shows them as they are.
    cmd("md5sum")
        .args(["x y"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("md5sum: 'x y': No such file or directory\n");
    std::fs::write(t.path().join("my sums"), "zz\n").unwrap();
    cmd("md5sum")
        .args(["-c", "-w", "my sums"])
        .cwd(t.path())
        .run()
        .status(1)
        .err("md5sum: 'my sums': 1: improperly formatted MD5 checksum line\nmd5sum: 'my sums': no properly formatted checksum lines found\n");
    cmd("md5sum")
        .args(["-c", "-w"])
        .stdin("zz\nd41d8cd98f00b204e9800998ecf8427e  x y\n")
        .cwd(t.path())
        .run()
        .status(1)
        .out("x y: FAILED open or read\n")
        .err("md5sum: 'standard input': 1: improperly formatted MD5 checksum line\nmd5sum: 'x y': No such file or directory\nmd5sum: WARNING: 1 line is improperly formatted\nmd5sum: WARNING: 1 listed file could not be read\n");
    cmd("md5sum")
        .args(["--quiet", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .err_has("md5sum: the --quiet option is meaningful only when verifying checksums\n");
    cmd("md5sum")
        .args(["-c", "--tag", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .err_has("md5sum: the --tag option is meaningless when verifying checksums\n");
}
