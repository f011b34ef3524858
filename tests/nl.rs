//! nl: styles, formats, sections, -l, -p, errors. Expected outputs are
//! GNU coreutils 9.1's.

use crate::common::*;

const SECTIONS: &str = "h\n\\:\\:\\:\nH\n\\:\\:\nB\n\\:\nF\n\\:\\:\\:\nH2\n\\:\\:\nB2\nB3\n";

#[test]
fn body_styles() {
    case("nl", &[], "a\n\nb\n", "     1\ta\n       \n     2\tb\n");
    case(
        "nl",
        &["-ba"],
        "a\n\nb\n",
        "     1\ta\n     2\t\n     3\tb\n",
    );
    case("nl", &["-bn"], "a\nb\n", "       a\n       b\n");
    case(
        "nl",
        &["-b", "px"],
        "x\nyy\nxz\n",
        "     1\tx\n       yy\n     2\txz\n",
    );
    case(
        "nl",
        &["-bp^a\\|b$"],
        "ab\nb\nc\n",
        "     1\tab\n     2\tb\n       c\n",
    );
    case("nl", &[], "", "");
    case("nl", &[], "abc", "     1\tabc\n");
    let long = "y".repeat(100_000);
    case("nl", &[], &long, &format!("     1\t{long}\n"));
}

#[test]
fn formats() {
    case(
        "nl",
        &["-n", "ln", "-w", "3"],
        "x\n\ny\n",
        "1  \tx\n    \n2  \ty\n",
    );
    case(
        "nl",
        &["-n", "rz", "-w", "3", "-v", "9", "-i", "5"],
        "x\nyy\n",
        "009\tx\n014\tyy\n",
    );
    case("nl", &["-nrz", "-w4", "-v", "-5"], "x\n", "-005\tx\n");
    case("nl", &["-n", "rn"], "x\n", "     1\tx\n");
    case(
        "nl",
        &["-v", "-3", "-i", "2"],
        "x\ny\n",
        "    -3\tx\n    -1\ty\n",
    );
    case("nl", &["-i", "0"], "x\ny\n", "     1\tx\n     1\ty\n");
    case("nl", &["-w", "1"], "x\n", "1\tx\n");
    case(
        "nl",
        &["-s", "abc"],
        "a\n\nb\n",
        "     1abca\n         \n     2abcb\n",
    );
    case("nl", &["--number-separator="], "a\n", "     1a\n");
    case(
        "nl",
        &["--number-width=2", "--starting-line-number=7"],
        "a\n",
        " 7\ta\n",
    );
}

#[test]
fn join_blank_lines() {
    case(
        "nl",
        &["-ba", "-l", "2"],
        "a\n\n\n\n\n\nb\n",
        "     1\ta\n       \n     2\t\n       \n     3\t\n       \n     4\tb\n",
    );
    case(
        "nl",
        &["-bt", "-l", "2"],
        "a\n\n\nb\n",
        "     1\ta\n       \n       \n     2\tb\n",
    );
}

#[test]
fn sections() {
    case("nl", &["-ha", "-fa"], SECTIONS, "     1\th\n\n     1\tH\n\n     1\tB\n\n     1\tF\n\n     1\tH2\n\n     1\tB2\n     2\tB3\n");
    case("nl", &["-p", "-ha", "-fa"], SECTIONS, "     1\th\n\n     2\tH\n\n     3\tB\n\n     4\tF\n\n     5\tH2\n\n     6\tB2\n     7\tB3\n");
    case(
        "nl",
        &["-ht", "-ft", "-bn"],
        SECTIONS,
        "       h\n\n     1\tH\n\n       B\n\n     1\tF\n\n     1\tH2\n\n       B2\n       B3\n",
    );
    case(
        "nl",
        &[],
        "\\:\\:\nx\n\\:\\:x\n",
        "\n     1\tx\n     2\t\\:\\:x\n",
    );
    // One character means that character and ':'.
    case(
        "nl",
        &["-d", "@"],
        "a\n@@\n@:\nb\n",
        "     1\ta\n     2\t@@\n\n       b\n",
    );
    case(
        "nl",
        &["-d", "@x"],
        "a\n@x\nb\n@x@x@x\nc\n",
        "     1\ta\n\n       b\n\n       c\n",
    );
    // An empty delimiter turns sections off.
    case(
        "nl",
        &["-d", ""],
        "a\n\\:\\:\n",
        "     1\ta\n     2\t\\:\\:\n",
    );
}

#[test]
fn files_and_odd_bytes() {
    let t = TempDir::new();
    t.write("a", "1\n2");
    t.write("b", "3\n");
    cmd("nl")
        .args(["a", "b"])
        .cwd(t.path())
        .run()
        .ok()
        .out("     1\t1\n     2\t2\n     3\t3\n");
    cmd("nl")
        .args(["a", "nonex"])
        .cwd(t.path())
        .run()
        .status(1)
        .out("     1\t1\n     2\t2\n")
        .err("nl: nonex: No such file or directory\n");
    cmd("nl")
        .stdin(b"a\0b\n\xff\n")
        .run()
        .ok()
        .out(b"     1\ta\0b\n     2\t\xff\n");
}

#[test]
fn overflow() {
    cmd("nl")
        .args(["-v", "9223372036854775807"])
        .stdin("x\ny\n")
        .run()
        .status(1)
        .out("9223372036854775807\tx\n")
        .err("nl: line number overflow\n");
    cmd("nl")
        .args(["-v", "9223372036854775807"])
        .stdin("x\n")
        .run()
        .ok()
        .out("9223372036854775807\tx\n");
}

#[test]
fn errors() {
    for (args, msg) in [
        (&["-i", "x"][..], "nl: invalid line number increment: 'x'\n"),
        (&["-v", "x"], "nl: invalid starting line number: 'x'\n"),
        (&["-l", "0"], "nl: invalid line number of blank lines: '0': Numerical result out of range\n"),
        (&["-l", "x"], "nl: invalid line number of blank lines: 'x'\n"),
        (&["-w", "0"], "nl: invalid line number field width: '0': Numerical result out of range\n"),
        (&["-w", "-1"], "nl: invalid line number field width: '-1': Numerical result out of range\n"),
        (&["-v", "99999999999999999999"], "nl: invalid starting line number: '99999999999999999999': Value too large for defined data type\n"),
        (&["-b", "p["], "nl: Unmatched [, [^, [:, [., or [=\n"),
    ] {
        cmd("nl").args(args).stdin("x\n").run().status(1).out("").err(msg);
    }
    for (args, msg) in [
        (&["-b", "x"][..], "nl: invalid body numbering style: 'x'\n"),
        (&["-h", "q"], "nl: invalid header numbering style: 'q'\n"),
        (&["-f", "q"], "nl: invalid footer numbering style: 'q'\n"),
        (&["-n", "xx"], "nl: invalid line numbering format: 'xx'\n"),
    ] {
        cmd("nl")
            .args(args)
            .stdin("x\n")
            .run()
            .status(1)
            .out("")
            .err_has(msg);
    }
}
