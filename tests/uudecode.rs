//! uudecode: both encodings into the file the begin line names or -o,
//! modes, junk around the block, tolerated damage, and each error.

use crate::common::*;
use std::fs;
use std::os::unix::fs::PermissionsExt;

const HELLO: &str = "begin 644 out\n&:&5L;&\\*\n`\nend\n";

fn mode(p: &std::path::Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

#[test]
fn writes_the_named_file() {
    let t = TempDir::new();
    cmd("uudecode")
        .stdin(format!("junk before\n\n{HELLO}trailing junk\n"))
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    assert_eq!(fs::read(t.join("out")).unwrap(), b"hello\n");
    assert_eq!(mode(&t.join("out")), 0o644);
    // The begin line's mode, exactly: not masked by the umask, setuid
    // dropped, and set on a file that was already there.
    t.write("x", "old contents that are longer");
    fs::set_permissions(t.join("x"), fs::Permissions::from_mode(0o600)).unwrap();
    sh("umask 077; printf 'begin 4777 x\\n\"86(`\\n`\\nend\\n' | uudecode")
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(fs::read(t.join("x")).unwrap(), b"ab");
    assert_eq!(mode(&t.join("x")), 0o777);
}

/// sharutils' begin-encoded lines (`uuencode -e`): the name is base64.
#[test]
fn encoded_names() {
    let t = TempDir::new();
    cmd("uudecode")
        .stdin("begin-encoded 600 bXkgZmlsZS50eHQ=\n&:&5L;&\\*\n`\nend\n")
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    assert_eq!(fs::read(t.join("my file.txt")).unwrap(), b"hello\n");
    assert_eq!(mode(&t.join("my file.txt")), 0o600);
    cmd("uudecode")
        .stdin("begin-base64-encoded 644 eCB5\naGVsbG8K\n====\n")
        .cwd(t.path())
        .run()
        .ok();
    assert_eq!(fs::read(t.join("x y")).unwrap(), b"hello\n");
    cmd("uudecode")
        .stdin("begin-encoded 644 YQ\n`\nend\n")
        .cwd(t.path())
        .run()
        .status(1)
        .out("")
        .err("uudecode: stdin: invalid base64 encoded name: YQ\n");
    sh("uuencode -e /dev/null 'odd\tname' | uudecode -o - && ls")
        .cwd(t.path())
        .run()
        .ok()
        .out("my file.txt\nx y\n");
}

#[test]
fn output_option_and_stdout() {
    let t = TempDir::new();
    t.write("in", HELLO);
    cmd("uudecode")
        .args(["-o", "other", "in"])
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    assert_eq!(fs::read(t.join("other")).unwrap(), b"hello\n");
    assert!(!t.join("out").exists());
    cmd("uudecode")
        .args(["-o", "-"])
        .stdin(HELLO)
        .cwd(t.path())
        .run()
        .ok()
        .out("hello\n");
    cmd("uudecode")
        .stdin("begin 644 /dev/stdout\n&:&5L;&\\*\n`\nend\n")
        .run()
        .ok()
        .out("hello\n");
    cmd("uudecode")
        .args(["--output-file=-", "-"])
        .stdin("begin-base64 600 zz\naGVsbG8K\n====\n")
        .run()
        .ok()
        .out("hello\n");
}

#[test]
fn round_trips() {
    let t = TempDir::new();
    let mut data: Vec<u8> = (0..50).flat_map(|_| 0..=255u8).collect();
    data.extend_from_slice(b"\0\0\nend\n");
    t.write("bin", &data);
    for m in ["", "-m"] {
        for n in [0usize, 1, 2, 3, 44, 45, 46, 90, data.len()] {
            t.write("part", &data[..n]);
            sh(&format!("uuencode {m} part p2 | uudecode"))
                .cwd(t.path())
                .run()
                .ok()
                .out("");
            assert_eq!(fs::read(t.join("p2")).unwrap(), &data[..n], "{m} {n}");
        }
    }
    // Several inputs: each decoded into its own file.
    sh("uuencode bin b1 > e1 && uuencode -m bin b2 > e2 && uudecode e1 e2 && cmp bin b1 && cmp bin b2")
        .cwd(t.path())
        .run()
        .ok();
}

#[test]
fn tolerated_damage() {
    // Carriage returns, and trailing spaces a mailer took (as zeros).
    cmd("uudecode")
        .args(["-o", "-"])
        .stdin("begin 644 out\r\n&:&5L;&\\*\r\n`\r\nend\r\n")
        .run()
        .ok()
        .out("hello\n");
    cmd("uudecode")
        .args(["-o", "-"])
        .stdin("begin 644 out\n#86(\n \nend\n")
        .run()
        .ok()
        .out("ab\0");
    // A begin line with a bad mode or no name is not one.
    cmd("uudecode")
        .args(["-o", "-"])
        .stdin(format!("begin 6x4 out\nbegin 644\n{HELLO}"))
        .run()
        .ok()
        .out("hello\n");
}

#[test]
fn errors() {
    let t = TempDir::new();
    cmd("uudecode")
        .stdin("nothing here\n")
        .run()
        .status(1)
        .out("")
        .err("uudecode: stdin: No `begin' line\n");
    cmd("uudecode")
        .stdin("")
        .run()
        .status(1)
        .err("uudecode: stdin: No `begin' line\n");
    t.write("junk", "x\n");
    cmd("uudecode")
        .args(["junk", "-", "nope", "."])
        .stdin("begin 644 o\n")
        .cwd(t.path())
        .run()
        .status(1)
        .err(
            "uudecode: junk: No `begin' line\nuudecode: stdin: Short file\n\
uudecode: nope: No such file or directory\nuudecode: .: Is a directory\n",
        );
    // A short file leaves what decoded.
    assert_eq!(fs::read(t.join("o")).unwrap(), b"");
    cmd("uudecode")
        .stdin("begin 644 o2\n&:&5L;&\\*\n")
        .cwd(t.path())
        .run()
        .status(1)
        .err("uudecode: stdin: Short file\n");
    assert_eq!(fs::read(t.join("o2")).unwrap(), b"hello\n");
    cmd("uudecode")
        .args(["-o", "-"])
        .stdin("begin 644 o\n&:&5L;&\\*\n`\nfin\n")
        .run()
        .status(1)
        .out("hello\n")
        .err("uudecode: stdin: No `end' line\n");
    cmd("uudecode")
        .args(["-o", "-"])
        .stdin("begin-base64 644 o\naGVs!bG8K\n====\n")
        .run()
        .status(1)
        .out("hel")
        .err("uudecode: stdin: invalid input\n");
    cmd("uudecode")
        .args(["-o", "-"])
        .stdin("begin-base64 644 o\naGVsbG8\n====\n")
        .run()
        .status(1)
        .err("uudecode: stdin: invalid input\n");
    cmd("uudecode")
        .args(["-o", "-"])
        .stdin("begin-base64 644 o\naGVsbG8K\n")
        .run()
        .status(1)
        .out("hello\n")
        .err("uudecode: stdin: Short file\n");
    // The output cannot be written.
    fs::create_dir(t.join("d")).unwrap();
    cmd("uudecode")
        .stdin("begin 644 d\n`\nend\n")
        .cwd(t.path())
        .run()
        .status(1)
        .err("uudecode: d: Is a directory\n");
    cmd("uudecode")
        .args(["-o", "no/such/dir"])
        .stdin(HELLO)
        .cwd(t.path())
        .run()
        .status(1)
        .err("uudecode: no/such/dir: No such file or directory\n");
    cmd("uudecode")
        .args(["-o", "x", "a", "b"])
        .run()
        .status(1)
        .err("uudecode: -o cannot be used with more than one input file\nUsage: uudecode [-o OUTFILE] [FILE]...\n");
    cmd("uudecode")
        .arg("-o")
        .run()
        .status(1)
        .err_has("uudecode: option requires an argument -- 'o'");
}

#[test]
fn a_fifo_keeps_its_mode() {
    let t = TempDir::new();
    sh("mkfifo -m 640 f && { cat f > got & } && printf 'begin 777 x\\n&:&5L;&\\\\*\\n`\\nend\\n' | uudecode -o f; wait; \
        cat got; stat -c %a f")
        .cwd(t.path())
        .run()
        .ok()
        .out("hello\n640\n");
}
