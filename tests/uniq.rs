//! uniq: groups, counts, -d -D -u -i -f -s -w -z, --group and
//! --all-repeated forms, OUTPUT operand, errors, as GNU.

use crate::common::*;

const U: &str = "a\na\nb\nA\na\nc\nc\n";

fn uniq(args: &[&str], input: &str, expected: &str) {
    case("uniq", args, input, expected);
}

#[test]
fn basics() {
    uniq(&[], U, "a\nb\nA\na\nc\n");
    uniq(
        &["-c"],
        U,
        "      2 a\n      1 b\n      1 A\n      1 a\n      2 c\n",
    );
    uniq(&["-d"], U, "a\nc\n");
    uniq(&["-u"], U, "b\nA\na\n");
    uniq(&["-du"], U, "");
    uniq(&["-i"], U, "a\nb\nA\nc\n");
    uniq(&["-ci"], U, "      2 a\n      1 b\n      2 A\n      2 c\n");
    uniq(&[], "a\na", "a\n");
    uniq(&[], "", "");
    cmd("uniq")
        .arg("-z")
        .stdin("a\0a\0b\0")
        .run()
        .ok()
        .out("a\0b\0");
}

#[test]
fn skipping() {
    uniq(&["-f1"], "x a\ny a\nz b\n", "x a\nz b\n");
    uniq(&["-s1"], "xa\nya\nzb\n", "xa\nzb\n");
    uniq(&["-w2"], "ab1\nab2\nac\n", "ab1\nac\n");
    uniq(&["-f1", "-s1", "-w1"], "1 xa\n2 xb\n3 yb\n", "1 xa\n3 yb\n");
}

#[test]
fn whole_groups() {
    uniq(&["-D"], U, "a\na\nc\nc\n");
    uniq(&["--all-repeated=separate"], U, "a\na\n\nc\nc\n");
    uniq(&["--all-repeated=prepend"], U, "\na\na\n\nc\nc\n");
    uniq(&["--group"], U, "a\na\n\nb\n\nA\n\na\n\nc\nc\n");
    uniq(&["--group=prepend"], U, "\na\na\n\nb\n\nA\n\na\n\nc\nc\n");
    uniq(&["--group=append"], U, "a\na\n\nb\n\nA\n\na\n\nc\nc\n\n");
    uniq(&["--group=both"], U, "\na\na\n\nb\n\nA\n\na\n\nc\nc\n\n");
}

#[test]
fn output_operand() {
    let t = TempDir::new();
    t.write("in", U);
    cmd("uniq")
        .args(["in", "out"])
        .cwd(t.path())
        .run()
        .ok()
        .out("");
    assert_eq!(
        std::fs::read(t.join("out")).expect("read"),
        b"a\nb\nA\na\nc\n"
    );
}

#[test]
fn errors() {
    let e = |args: &[&str], err: &str| {
        cmd("uniq")
            .args(args)
            .stdin("")
            .run()
            .status(1)
            .err_has(err);
    };
    e(
        &["-c", "-D"],
        "uniq: printing all duplicated lines and repeat counts is meaningless\n",
    );
    e(&["-f", "x"], "uniq: x: invalid number of fields to skip\n");
    e(&["-s", "x"], "uniq: x: invalid number of bytes to skip\n");
    e(
        &["-w", "x"],
        "uniq: x: invalid number of bytes to compare\n",
    );
    e(&["a", "b", "c"], "uniq: extra operand 'c'\n");
    e(&["nonex"], "uniq: nonex: No such file or directory\n");
    e(
        &["--group", "-c"],
        "uniq: --group is mutually exclusive with -c/-d/-D/-u\n",
    );
}
