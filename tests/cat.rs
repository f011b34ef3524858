//! cat: copying, every option, state across files, and the errors.

use crate::common::*;

const T: &[u8] = b"a\tb\n\n\n\nc\x01\x7f\x80\xff\n";

fn cat_t(args: &[&str], expected: &[u8]) {
    let t = TempDir::new();
    t.write("t", T);
    cmd("cat")
        .args(args)
        .arg("t")
        .cwd(t.path())
        .run()
        .ok()
        .out(expected);
}

#[test]
fn copies() {
    case("cat", &[], "hello\nworld", "hello\nworld");
    case("cat", &["-"], "x", "x");
    case("cat", &[], "", "");
    let t = TempDir::new();
    t.write("a", "1\n");
    t.write("b", "2");
    cmd("cat")
        .args(["a", "-", "b"])
        .stdin("s\n")
        .cwd(t.path())
        .run()
        .ok()
        .out("1\ns\n2");
    // Binary data and a large file, also to a regular file (the kernel copy).
    let big: Vec<u8> = (0..3_000_000u32).map(|i| (i * 7 % 256) as u8).collect();
    t.write("big", &big);
    cmd("cat").arg("big").cwd(t.path()).run().ok().out(&big);
    let f = std::fs::File::create(t.join("out")).expect("create");
    cmd("cat")
        .args(["big", "a"])
        .cwd(t.path())
        .stdout_to(f)
        .run()
        .ok();
    let mut want = big.clone();
    want.extend_from_slice(b"1\n");
    assert_eq!(std::fs::read(t.join("out")).expect("read"), want);
}

#[test]
fn notation() {
    cat_t(&["-A"], b"a^Ib$\n$\n$\n$\nc^A^?M-^@M-^?$\n");
    cat_t(&["-vET"], b"a^Ib$\n$\n$\n$\nc^A^?M-^@M-^?$\n");
    cat_t(&["-e"], b"a\tb$\n$\n$\n$\nc^A^?M-^@M-^?$\n");
    cat_t(&["-t"], b"a^Ib\n\n\n\nc^A^?M-^@M-^?\n");
    cat_t(&["-v"], b"a\tb\n\n\n\nc^A^?M-^@M-^?\n");
    cat_t(&["-T"], b"a^Ib\n\n\n\nc\x01\x7f\x80\xff\n");
    cat_t(&["-E"], b"a\tb$\n$\n$\n$\nc\x01\x7f\x80\xff$\n");
    cat_t(&["-u"], T);
}

#[test]
fn numbering_and_squeezing() {
    cat_t(
        &["-n"],
        b"     1\ta\tb\n     2\t\n     3\t\n     4\t\n     5\tc\x01\x7f\x80\xff\n",
    );
    cat_t(&["-b"], b"     1\ta\tb\n\n\n\n     2\tc\x01\x7f\x80\xff\n");
    // -b wins over -n.
    cat_t(&["-bn"], b"     1\ta\tb\n\n\n\n     2\tc\x01\x7f\x80\xff\n");
    cat_t(&["-s"], b"a\tb\n\nc\x01\x7f\x80\xff\n");
    cat_t(
        &["-ns"],
        b"     1\ta\tb\n     2\t\n     3\tc\x01\x7f\x80\xff\n",
    );
    // Wide numbers keep the tab.
    let input: String = (0..1_000_001).map(|_| "\n").collect();
    let out = cmd("cat").arg("-n").stdin(input).run();
    out.ok();
    assert!(out.stdout_str().ends_with("1000001\t\n"));
}

#[test]
fn state_carries_across_files() {
    let t = TempDir::new();
    t.write("nonl", "x");
    t.write("t", T);
    cmd("cat")
        .args(["-n", "nonl", "nonl"])
        .cwd(t.path())
        .run()
        .ok()
        .out("     1\txx");
    cmd("cat")
        .args(["-n", "t", "t"])
        .cwd(t.path())
        .run()
        .ok()
        .out(
            [
                &b"     1\ta\tb\n     2\t\n     3\t\n     4\t\n     5\tc\x01\x7f\x80\xff\n"[..],
                b"     6\ta\tb\n     7\t\n     8\t\n     9\t\n    10\tc\x01\x7f\x80\xff\n",
            ]
            .concat(),
        );
    t.write("e1", "a\n\n");
    t.write("e2", "\nb\n");
    cmd("cat")
        .args(["-s", "e1", "e2"])
        .cwd(t.path())
        .run()
        .ok()
        .out("a\n\nb\n");
    cmd("cat")
        .args(["-E", "nonl", "e2"])
        .cwd(t.path())
        .run()
        .ok()
        .out("x$\nb$\n");
}

#[test]
fn errors() {
    let t = TempDir::new();
    t.write("t", "data\n");
    std::fs::create_dir(t.join("d")).expect("mkdir");
    cmd("cat")
        .args(["nonex", "t", "d", "t"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("data\ndata\n")
        .err("cat: nonex: No such file or directory\ncat: d: Is a directory\n");
    // GNU's quotef: names a shell would split or expand are quoted.
    cmd("cat")
        .arg("a b")
        .arg("c:d")
        .arg(os(b"e\xff"))
        .arg("f-g.h")
        .cwd(t.path())
        .run()
        .status(1)
        .err("cat: 'a b': No such file or directory\ncat: 'c:d': No such file or directory\ncat: 'e'$'\\377': No such file or directory\ncat: f-g.h: No such file or directory\n");
    // In C.UTF-8 é is printable: a plain word, or quoted for the colon.
    cmd("cat")
        .env("LC_ALL", "C.UTF-8")
        .arg(os(b"a\xc3\xa9b"))
        .arg(os(b"\xc3\xa9:"))
        .arg(os(b"a\xc3\xa9\xff"))
        .cwd(t.path())
        .run()
        .status(1)
        .err("cat: a\u{e9}b: No such file or directory\ncat: '\u{e9}:': No such file or directory\ncat: 'a\u{e9}'$'\\377': No such file or directory\n");
    // Appending a file to itself is refused, the file is left alone.
    let f = std::fs::OpenOptions::new()
        .append(true)
        .open(t.join("t"))
        .expect("open");
    cmd("cat")
        .arg("t")
        .cwd(t.path())
        .stdout_to(f)
        .run()
        .status(1)
        .err("cat: t: input file is output file\n");
    assert_eq!(std::fs::read(t.join("t")).expect("read"), b"data\n");
    cmd("cat")
        .arg("t")
        .cwd(t.path())
        .stdout_full()
        .run()
        .status(1)
        .err_has("cat: write error: No space left on device");
    cmd("cat")
        .args(["-n", "t"])
        .cwd(t.path())
        .stdout_full()
        .run()
        .status(1)
        .err_has("cat: write error");
    sh("yes | head -c 300000 > big; cat big | head -c 1")
        .run()
        .ok()
        .out("y");
}
