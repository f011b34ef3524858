//! tsort: GNU's order, loops, odd token counts, odd bytes, errors.

use crate::common::*;

#[test]
fn orders() {
    case("tsort", &[], "", "");
    case("tsort", &[], "b a\nc a\na a\n", "b\nc\na\n");
    case("tsort", &[], "x\ty\n\n z z", "x\nz\ny\n");
    case("tsort", &[], "a b\nb c\nd e\n", "a\nd\nb\ne\nc\n");
    // Successors are freed newest relation first.
    case("tsort", &[], "r x\nr y\nr z\n", "r\nz\ny\nx\n");
    // Only space, tab and newline separate tokens.
    case("tsort", &[], "a\x0bb c\x0cd\n", "a\x0bb\nc\x0cd\n");
    // A NUL ends a token, as in GNU's C strings.
    cmd("tsort").stdin(b"a\0b c\n").run().ok().out("a\nc\n");
    let t = TempDir::new();
    t.write("f", "1 2\n2 3\n");
    cmd("tsort")
        .arg("f")
        .cwd(t.path())
        .run()
        .ok()
        .out("1\n2\n3\n");
    let long = "x".repeat(100_000);
    case(
        "tsort",
        &[],
        &format!("{long} a\n"),
        &format!("{long}\na\n"),
    );
}

#[test]
fn loops() {
    cmd("tsort")
        .stdin("a b\nb c\nc a\nd e\n")
        .run()
        .status(1)
        .out("d\ne\na\nb\nc\n")
        .err("tsort: -: input contains a loop:\ntsort: a\ntsort: b\ntsort: c\n");
    cmd("tsort")
        .stdin("a b\nb a\nc d\nd c\n")
        .run()
        .status(1)
        .out("a\nb\nc\nd\n")
        .err(
            "tsort: -: input contains a loop:\ntsort: a\ntsort: b\n\
             tsort: -: input contains a loop:\ntsort: c\ntsort: d\n",
        );
    cmd("tsort")
        .stdin("a b\nb c\nc a\nc b\n")
        .run()
        .status(1)
        .out("a\nb\nc\n")
        .err(
            "tsort: -: input contains a loop:\ntsort: b\ntsort: c\n\
             tsort: -: input contains a loop:\ntsort: a\ntsort: b\ntsort: c\n",
        );
    let t = TempDir::new();
    t.write("g", "1 2\n2 1\n");
    cmd("tsort")
        .arg("g")
        .cwd(t.path())
        .run()
        .status(1)
        .out("1\n2\n")
        .err("tsort: g: input contains a loop:\ntsort: 1\ntsort: 2\n");
}

#[test]
fn errors() {
    cmd("tsort")
        .stdin("a b c")
        .run()
        .status(1)
        .out("")
        .err("tsort: -: input contains an odd number of tokens\n");
    let t = TempDir::new();
    t.write("f", "a");
    cmd("tsort")
        .arg("f")
        .cwd(t.path())
        .run()
        .status(1)
        .err("tsort: f: input contains an odd number of tokens\n");
    cmd("tsort")
        .arg("nonex")
        .run()
        .status(1)
        .err("tsort: nonex: No such file or directory\n");
    cmd("tsort")
        .args(["-", "x"])
        .run()
        .status(1)
        .err("tsort: extra operand 'x'\nUsage: tsort [FILE]\n");
    cmd("tsort")
        .arg("-w")
        .run()
        .status(1)
        .err_has("invalid option -- 'w'");
    cmd("tsort")
        .stdin("a b\n")
        .stdout_full()
        .run()
        .status(1)
        .err("tsort: write error: No space left on device\n");
}
