//! join: pairing, -a -v -e -o (auto, 0, N.M), -t, -i, fields, --header,
//! -z, order checks and their messages (checked against GNU join 9.1).

use crate::common::*;

const F1: &str = "a 1 x\nb 2\nd 4 y z\n";
const F2: &str = "a A\nc C\nd D E\nd DD\n";

#[track_caller]
fn join(args: &[&str], f1: &str, f2: &str) -> Out {
    let d = TempDir::new();
    d.write("f1", f1);
    d.write("f2", f2);
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["f1", "f2"]);
    cmd("join").args(&all).cwd(d.path()).run()
}

#[track_caller]
fn ok(args: &[&str], f1: &str, f2: &str, want: &str) {
    join(args, f1, f2).ok().out(want);
}

#[test]
fn pairs() {
    ok(&[], F1, F2, "a 1 x A\nd 4 y z D E\nd 4 y z DD\n");
    ok(&["-a1"], F1, F2, "a 1 x A\nb 2\nd 4 y z D E\nd 4 y z DD\n");
    ok(
        &["-a", "2"],
        F1,
        F2,
        "a 1 x A\nc C\nd 4 y z D E\nd 4 y z DD\n",
    );
    ok(&["-v1"], F1, F2, "b 2\n");
    ok(&["-v2", "-v1"], F1, F2, "b 2\nc C\n");
    ok(&["-v", "2"], F1, F2, "c C\n");
    // Groups of equal keys give every pairing.
    ok(
        &[],
        "a 1\na 2\nb 3",
        "a x\na y\nb z",
        "a 1 x\na 1 y\na 2 x\na 2 y\nb 3 z\n",
    );
    ok(&[], "", F2, "");
    ok(&["-a2"], "", "x\n", "x\n");
}

#[test]
fn output_formats() {
    ok(
        &["-o", "0,2.2,1.3", "-e", "E"],
        F1,
        F2,
        "a A x\nd D y\nd DD y\n",
    );
    ok(
        &["-a1", "-a2", "-e", "X", "-o", "auto"],
        F1,
        F2,
        "a 1 x A\nb 2 X X\nc X X C\nd 4 y D\nd 4 y DD\n",
    );
    ok(
        &["-o", "1.1", "-o", "2.2", "-a2"],
        F1,
        F2,
        "a A\n C\nd D\nd DD\n",
    );
    ok(
        &["-o", "1.1 2.2", "-a2", "-e", "-"],
        F1,
        F2,
        "a A\n- C\nd D\nd DD\n",
    );
    // -e without -o changes nothing.
    ok(
        &["-e", "X", "-a1"],
        F1,
        F2,
        "a 1 x A\nb 2\nd 4 y z D E\nd 4 y z DD\n",
    );
    // 0 is the join field of whichever file has the line.
    ok(&["-o", "0,1.2", "-a2"], F1, F2, "a 1\nc \nd 4\nd 4\n");
}

#[test]
fn fields_and_separators() {
    // Blanks: leading ones skipped, runs are one separator, trailing ones
    // end in an empty field.
    ok(
        &[],
        "  a  1 \n\tb\t2\n",
        "  a  1 \n\tb\t2\n",
        "a 1  1 \nb 2 2\n",
    );
    ok(&["-t,"], "a,,x\nb,2,\n", "a,A\nb,\n", "a,,x,A\nb,2,,\n");
    ok(
        &["-t,", "-e", "E", "-o", "0,1.2,1.3,2.2"],
        "a,,x\nb,2,\n",
        "a,A\nb,\n",
        "a,E,x,A\nb,2,E,E\n",
    );
    ok(
        &["-t", ",", "-a1", "-a2", "-o", "auto", "-e", "E"],
        "a,,x\n",
        "b,1\n",
        "a,E,x,E\nb,E,E,1\n",
    );
    ok(&["-j", "2"], "x 1\ny 2\n", "1 p\n3 q\n", "");
    ok(&["-j", "2"], "x 1\ny 2\n", "p 1\nq 3\n", "1 x p\n");
    ok(
        &["-1", "2", "-2", "1"],
        "x 1\ny 2\n",
        "1 p\n3 q\n",
        "1 x p\n",
    );
    // -t '' makes the whole line the key.
    ok(&["-t", ""], "a b\nc\n", "a b\nc d\n", "a b\n");
    ok(&["-t", "\\0"], "a\0b\n", "a\0c\n", "a\0b\0c\n");
    ok(&["-i"], "A 1\nb 2\n", "a x\nB y\n", "A 1 x\nb 2 y\n");
    // A missing join field is an empty key.
    ok(&["-j", "3"], "a b\n", "c\n", " a b c\n");
    ok(&["-z"], "a 1\0b 2", "a x\0b y\0", "a 1 x\0b 2 y\0");
}

#[test]
fn header() {
    let h1 = "Name Age\nal 3\nbo 4\n";
    let h2 = "Name City\nal X\ncy Y\n";
    ok(&["--header"], h1, h2, "Name Age City\nal 3 X\n");
    ok(
        &["--header", "-a2"],
        h1,
        h2,
        "Name Age City\nal 3 X\ncy Y\n",
    );
    ok(
        &["--header", "-o", "auto"],
        h1,
        h2,
        "Name Age City\nal 3 X\n",
    );
    ok(&["--header"], h1, "", "Name Age\n");
    // Headers are never order-checked.
    ok(&["--header", "--check-order"], "z\na\n", "z\na\n", "z\na\n");
}

#[test]
fn order_checks() {
    let unsorted = "b 1\na 2\n";
    // Disorder is reported once unpairable lines are seen; exit 1 at the end.
    join(&[], unsorted, F2)
        .status(1)
        .out("")
        .err("join: f1:2: is not sorted: a 2\njoin: input is not in sorted order\n");
    join(&["-a1"], unsorted, F2)
        .status(1)
        .out("b 1\na 2\n")
        .err("join: f1:2: is not sorted: a 2\njoin: input is not in sorted order\n");
    // Everything pairs: no check.
    join(&[], unsorted, unsorted).ok().out("b 1 1\na 2 2\n");
    join(&["--nocheck-order", "-a1"], unsorted, F2)
        .ok()
        .out("b 1\na 2\n");
    // --check-order stops at the first disorder.
    join(&["--check-order"], unsorted, F2)
        .status(1)
        .out("")
        .err("join: f1:2: is not sorted: a 2\n");
    join(&["--check-order", "-a1"], F1, unsorted)
        .status(1)
        .out("a 1 x\n")
        .err("join: f2:2: is not sorted: a 2\n");
    // -i folds case for the check too.
    join(&["-i", "--check-order"], "a 1\nB 2\n", "A x\nb y\n")
        .ok()
        .out("a 1 x\nB 2 y\n");
}

#[test]
fn stdin_and_files() {
    let d = TempDir::new();
    d.write("f2", F2);
    cmd("join")
        .args(["-", "f2"])
        .cwd(d.path())
        .stdin(F1)
        .run()
        .ok()
        .out("a 1 x A\nd 4 y z D E\nd 4 y z DD\n");
    cmd("join")
        .args(["f2", "-"])
        .cwd(d.path())
        .stdin("a q")
        .run()
        .ok()
        .out("a A q\n");
    cmd("join")
        .args(["nonexist", "f2"])
        .cwd(d.path())
        .run()
        .status(1)
        .out("")
        .err("join: nonexist: No such file or directory\n");
    cmd("join")
        .args(["-", "-"])
        .run()
        .status(1)
        .err("join: both files cannot be standard input\n");
}

#[test]
fn usage_errors() {
    cmd("join")
        .run()
        .status(1)
        .err_has("join: missing operand\n");
    cmd("join")
        .arg("a")
        .run()
        .status(1)
        .err_has("join: missing operand after 'a'\n");
    cmd("join")
        .args(["a", "b", "c"])
        .run()
        .status(1)
        .err_has("join: extra operand 'c'\n");
    for (args, msg) in [
        (&["-1", "0"][..], "join: invalid field number: '0'\n"),
        (&["-2", "x"][..], "join: invalid field number: 'x'\n"),
        (&["-a", "3"][..], "join: invalid field number: '3'\n"),
        (
            &["-o", "3.1"][..],
            "join: invalid file number in field spec: '3.1'\n",
        ),
        (
            &["-o", "x"][..],
            "join: invalid file number in field spec: 'x'\n",
        ),
        (&["-o", "1x"][..], "join: invalid field specifier: '1x'\n"),
        (&["-o", "0x"][..], "join: invalid field specifier: '0x'\n"),
        (&["-o", "1.0"][..], "join: invalid field number: '0'\n"),
        (
            &["-o", "1.1,,2.1"][..],
            "join: invalid file number in field spec: ''\n",
        ),
        (&["-t", "ab"][..], "join: multi-character tab 'ab'\n"),
        (&["-t", "a", "-t", "b"][..], "join: incompatible tabs\n"),
    ] {
        join(args, F1, F2).status(1).out("").err(msg);
    }
}
