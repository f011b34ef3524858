//! comm: columns, suppression, delimiters, --total, -z, -i, order checks
//! (checked against GNU comm 9.1; -i is ours).

use crate::common::*;

const A: &str = "a\nb\nd\n";
const B: &str = "b\nc\nd\ne\n";

#[track_caller]
fn comm(args: &[&str], f1: &str, f2: &str) -> Out {
    let d = TempDir::new();
    d.write("f1", f1);
    d.write("f2", f2);
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["f1", "f2"]);
    cmd("comm").args(&all).cwd(d.path()).run()
}

#[track_caller]
fn ok(args: &[&str], f1: &str, f2: &str, want: &str) {
    comm(args, f1, f2).ok().out(want);
}

#[test]
fn columns() {
    ok(&[], A, B, "a\n\t\tb\n\tc\n\t\td\n\te\n");
    ok(&["-1"], A, B, "\tb\nc\n\td\ne\n");
    ok(&["-2"], A, B, "a\n\tb\n\td\n");
    ok(&["-3"], A, B, "a\n\tc\n\te\n");
    ok(&["-12"], A, B, "b\nd\n");
    ok(&["-13"], A, B, "c\ne\n");
    ok(&["-23"], A, B, "a\n");
    ok(&["-123"], A, B, "");
    ok(&[], "", B, "\tb\n\tc\n\td\n\te\n");
    ok(&[], "", "", "");
    // A last line without a newline gets one.
    ok(&[], "a\nb", "b\nc", "a\n\t\tb\n\tc\n");
    // Empty lines and duplicates.
    ok(&[], "\na\na\n", "\na\n", "\t\t\n\t\ta\na\n");
}

#[test]
fn delimiters_and_totals() {
    ok(
        &["--output-delimiter=::"],
        A,
        B,
        "a\n::::b\n::c\n::::d\n::e\n",
    );
    ok(&["--output-delimiter="], "a\nb\n", "b\n", "a\n\0\0b\n");
    ok(
        &["--output-delimiter=x", "--output-delimiter=x"],
        "a\n",
        "b\n",
        "a\nxb\n",
    );
    ok(
        &["--total"],
        A,
        B,
        "a\n\t\tb\n\tc\n\t\td\n\te\n1\t2\t2\ttotal\n",
    );
    ok(
        &["--total", "-123", "--output-delimiter=,"],
        A,
        B,
        "1,2,2,total\n",
    );
    ok(&["-z"], "x\0y\0", "y\0z\0", "x\0\t\ty\0\tz\0");
    ok(&["-z", "--total"], "x\0", "x", "\t\tx\x000\t0\t1\ttotal\0");
    ok(&["-i"], "A\nb\n", "a\nB\n", "\t\ta\n\t\tB\n");
    comm(&["--output-delimiter=a", "--output-delimiter=b"], A, B)
        .status(1)
        .out("")
        .err("comm: multiple output delimiters specified\n");
}

#[test]
fn order_checks() {
    // Disorder before any unpairable line is not checked.
    ok(&[], "b\na\nc\n", B, "\t\tb\na\n\t\tc\n\td\n\te\n");
    ok(&[], "b\na\n", "b\na\n", "\t\tb\n\t\ta\n");
    comm(&[], "a\nc\nb\n", "c\n")
        .status(1)
        .out("a\n\t\tc\nb\n")
        .err("comm: file 1 is not in sorted order\ncomm: input is not in sorted order\n");
    comm(&["--total"], "a\nc\nb\n", "c\n")
        .status(1)
        .out("a\n\t\tc\nb\n2\t0\t1\ttotal\n")
        .err("comm: file 1 is not in sorted order\ncomm: input is not in sorted order\n");
    comm(&[], "c\n", "a\nc\nb\n")
        .status(1)
        .err("comm: file 2 is not in sorted order\ncomm: input is not in sorted order\n");
    comm(&["--check-order"], "b\na\nc\n", B)
        .status(1)
        .out("\t\tb\n")
        .err("comm: file 1 is not in sorted order\n");
    ok(&["--nocheck-order"], "a\nc\nb\n", "c\n", "a\n\t\tc\nb\n");
    ok(
        &["--check-order", "--nocheck-order"],
        "a\nc\nb\n",
        "c\n",
        "a\n\t\tc\nb\n",
    );
}

#[test]
fn operands() {
    let d = TempDir::new();
    d.write("f2", B);
    cmd("comm")
        .args(["-", "f2"])
        .cwd(d.path())
        .stdin(A)
        .run()
        .ok()
        .out("a\n\t\tb\n\tc\n\t\td\n\te\n");
    cmd("comm")
        .args(["f2", "-"])
        .cwd(d.path())
        .stdin("e\n")
        .run()
        .ok()
        .out("b\nc\nd\n\t\te\n");
    cmd("comm")
        .args(["nonexist", "f2"])
        .cwd(d.path())
        .run()
        .status(1)
        .out("")
        .err("comm: nonexist: No such file or directory\n");
    cmd("comm")
        .run()
        .status(1)
        .err_has("comm: missing operand\n");
    cmd("comm")
        .arg("a")
        .run()
        .status(1)
        .err_has("comm: missing operand after 'a'\n");
    cmd("comm")
        .args(["a", "b", "c"])
        .run()
        .status(1)
        .err_has("comm: extra operand 'c'\n");
    cmd("comm")
        .args(["-x", "a", "b"])
        .run()
        .status(1)
        .err_has("comm: invalid option -- 'x'\n");
}

#[test]
fn long_lines() {
    let long = "x".repeat(200_000);
    let f1 = format!("{long}a\n{long}b\n");
    let f2 = format!("{long}b\n");
    ok(&["-12"], &f1, &f2, &format!("{long}b\n"));
}
