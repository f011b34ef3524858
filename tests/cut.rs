//! cut: byte and field lists, delimiters, -s, --complement,
//! --output-delimiter, -z, line ends, and the errors, as GNU.

use crate::common::*;

fn cut(args: &[&str], input: &str, expected: &str) {
    case("cut", args, input, expected);
}

#[test]
fn bytes() {
    cut(&["-b", "2-"], "abc\n", "bc\n");
    cut(&["-c", "-2,5-"], "abcdef\n", "abef\n");
    cut(
        &["-b", "1,3-4", "--output-delimiter=_"],
        "abcdef\n",
        "a_cd\n",
    );
    cut(
        &["-b", "1-2,4-5", "--output-delimiter=_"],
        "abcdef\n",
        "ab_de\n",
    );
    cut(
        &["-b", "1-3,2-5", "--output-delimiter=_"],
        "abcdef\n",
        "abcde\n",
    );
    cut(
        &["-b", "1-2,3-4", "--output-delimiter=_"],
        "abcdef\n",
        "ab_cd\n",
    );
    cut(&["-b", "2-3,3-5"], "abcdef\n", "bcde\n");
    cut(&["-b", "5"], "abc\n", "\n");
    cut(&["-b", "3,1", "--complement"], "abcdef\n", "bdef\n");
    cut(&["-n", "-b", "1"], "xy\n", "x\n");
    // Binary data and no final newline: every line gets its newline.
    cmd("cut")
        .args(["-b", "2"])
        .stdin(b"\x00\xff\x01")
        .run()
        .ok()
        .out(b"\xff\n");
}

#[test]
fn fields() {
    cut(&["-d:", "-f2"], "a:b:c\nnodelim\n", "b\nnodelim\n");
    cut(&["-d:", "-f2", "-s"], "a:b:c\nnodelim\n", "b\n");
    cut(
        &["-d:", "-f1,3", "--output-delimiter=XY"],
        "a:b:c\n",
        "aXYc\n",
    );
    cut(&["-d:", "--complement", "-f2"], "a:b:c\n", "a:c\n");
    cut(&["-d:", "-f3-,1"], "a:b:c:d\n", "a:c:d\n");
    cut(&["-f2"], "a\tb\n", "b\n");
    cut(&["-d:", "-f1"], "a:b", "a\n");
    cut(&["-d:", "-f5"], "a:b\n", "\n");
    cut(&["-d:", "-f2"], ":\n", "\n");
    cut(&["-d:", "-f1", "-s"], "x\n\ny\n", "");
    cut(&["-d", "", "-f1"], "a:b\n", "a:b\n");
    cmd("cut")
        .args(["-z", "-d:", "-f2"])
        .stdin("a:b\0c:d\0")
        .run()
        .ok()
        .out("b\0d\0");
    let t = TempDir::new();
    t.write("f", "1:2\n");
    cmd("cut")
        .args(["-d:", "-f2", "f", "-", "f"])
        .stdin("x:y\n")
        .cwd(t.path())
        .run()
        .ok()
        .out("2\ny\n2\n");
    // Long lines across reads.
    let long = format!("{}:tail\n", "x".repeat(300_000));
    cut(&["-d:", "-f2"], &long, "tail\n");
}

#[test]
fn errors() {
    let e = |args: &[&str], err: &str| {
        cmd("cut")
            .args(args)
            .stdin("")
            .run()
            .status(1)
            .out("")
            .err_has(err);
    };
    e(&["-f", "0"], "cut: fields are numbered from 1\n");
    e(
        &["-b", "0"],
        "cut: byte/character positions are numbered from 1\n",
    );
    e(&["-f", "x"], "cut: invalid field value 'x'\n");
    e(&["-b", "x"], "cut: invalid byte/character position 'x'\n");
    e(&["-f", "3-2"], "cut: invalid decreasing range\n");
    e(&["-f", "-"], "cut: invalid range with no endpoint: -\n");
    e(
        &[],
        "cut: you must specify a list of bytes, characters, or fields\n",
    );
    e(&["-b1", "-f1"], "cut: only one list may be specified\n");
    e(
        &["-d:", "-b1"],
        "cut: an input delimiter may be specified only when operating on fields\n",
    );
    e(
        &["-d", "ab", "-f1"],
        "cut: the delimiter must be a single character\n",
    );
    e(
        &["-s", "-b1"],
        "cut: suppressing non-delimited lines makes sense\n\tonly when operating on fields\n",
    );
    cmd("cut")
        .args(["-b1", "nonex"])
        .run()
        .status(1)
        .err("cut: nonex: No such file or directory\n");
}
