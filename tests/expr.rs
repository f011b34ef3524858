//! expr: every operator, precedence, keywords, short-circuits, exit
//! statuses and error texts. Expected results are GNU coreutils 9.1's,
//! except for numbers beyond i64 (GNU's are unbounded).

use crate::common::*;
use std::os::unix::ffi::OsStrExt;

#[track_caller]
fn ex(args: &[&str], out: &str, status: i32) {
    cmd("expr")
        .args(args)
        .run()
        .status(status)
        .err("")
        .out(format!("{out}\n"));
}

#[track_caller]
fn bad(args: &[&str], err: &str, status: i32) {
    cmd("expr")
        .args(args)
        .run()
        .status(status)
        .out("")
        .err(format!("expr: {err}\n"));
}

#[test]
fn arithmetic() {
    ex(&["2", "*", "3", "+", "1"], "7", 0);
    ex(&["1", "-", "2", "-", "3"], "-4", 0);
    ex(&["(", "1", "+", "2", ")", "*", "3"], "9", 0);
    ex(&["12", "/", "5", "*", "2"], "4", 0);
    ex(&["-5", "%", "3"], "-2", 0);
    ex(&["5", "/", "-2"], "-2", 0);
    ex(&["007", "+", "0"], "7", 0);
    ex(&["1", "-", "1"], "0", 1);
    ex(&["--", "-5", "+", "1"], "-4", 0);
    ex(&["9223372036854775807", "+", "0"], "9223372036854775807", 0);
    ex(
        &["-9223372036854775808", "-", "0"],
        "-9223372036854775808",
        0,
    );
}

#[test]
fn logic_and_comparison() {
    ex(&["1", "|", "5", "/", "0"], "1", 0);
    ex(&["0", "|", "0"], "0", 1);
    ex(&["", "|", ""], "0", 1);
    ex(&["0", "|", ""], "0", 1);
    ex(&["", "|", "x"], "x", 0);
    ex(&["0", "&", "5", "/", "0"], "0", 1);
    ex(&["3", "&", "0"], "0", 1);
    ex(&["3", "&", "4"], "3", 0);
    ex(&["2", "|", "3", "&", "0"], "2", 0);
    ex(&["0", "&", "0", "|", "4"], "4", 0);
    // Branches not needed are not evaluated.
    ex(&["1", "|", "a", "+", "1"], "1", 0);
    ex(&["0", "&", "a", "+", "1"], "0", 1);
    ex(&["10", "<", "9"], "0", 1);
    ex(&["10", "<", "9a"], "1", 0);
    ex(&["a", "<", "b"], "1", 0);
    ex(&["2", ">", "10"], "0", 1);
    ex(&["b", ">=", "a"], "1", 0);
    ex(&["b", ">", "a"], "1", 0);
    ex(&["a", "<=", "a"], "1", 0);
    ex(&["a", "!=", "b"], "1", 0);
    ex(&["a", "=", "a"], "1", 0);
    ex(&["1", "==", "01"], "1", 0);
    ex(&["-0", "=", "0"], "1", 0);
    ex(&["-00", "<", "-1"], "0", 1);
    // Integers beyond i64 still compare by value.
    ex(
        &["99999999999999999999", "<", "100000000000000000000"],
        "1",
        0,
    );
    ex(&["-99999999999999999999", "<", "5"], "1", 0);
    ex(&["=", "=", "="], "1", 0);
    ex(&["|", "|", "|"], "|", 0);
}

#[test]
fn null_values() {
    ex(&["-0"], "-0", 1);
    ex(&["00"], "00", 1);
    ex(&["-"], "-", 0);
    ex(&[""], "", 1);
    ex(&["007"], "007", 0);
    ex(&["(", "2", ")"], "2", 0);
}

#[test]
fn matching() {
    ex(&["abc", ":", "a\\(b\\)"], "b", 0);
    ex(&["abc", ":", "x\\(b\\)"], "", 1);
    ex(&["abc", ":", "b"], "0", 1);
    ex(&["abc", ":", ".*"], "3", 0);
    ex(&["abc", ":", "^a"], "1", 0);
    ex(&["^abc", ":", "^a"], "0", 1);
    ex(&["*a", ":", "*a"], "2", 0);
    ex(&["a", ":", "a*\\(b*\\)c*"], "", 1);
    ex(&["abc", ":", "a\\|b"], "1", 0);
    ex(&["abc", ":", "abc$"], "3", 0);
    ex(&["ab$", ":", "ab$"], "0", 1);
    ex(&["ab", ":", "a\\{1,2\\}"], "1", 0);
    ex(&["abcabc", ":", "\\(abc\\)*"], "abc", 0);
    ex(&["abc", ":", ""], "0", 1);
    ex(&["a", ":", "a", ":", "1"], "1", 0);
    ex(&["match", "abc", "a."], "2", 0);
    ex(&["a\nb", ":", "a.b"], "3", 0);
}

#[test]
fn keywords() {
    ex(&["length", "abc"], "3", 0);
    ex(&["length", ""], "0", 1);
    ex(&["substr", "abcdef", "2", "3"], "bcd", 0);
    ex(&["substr", "abcdef", "0", "3"], "", 1);
    ex(&["substr", "abcdef", "-1", "3"], "", 1);
    ex(&["substr", "abcdef", "2", "-1"], "", 1);
    ex(
        &["substr", "abcdef", "2", "99999999999999999999"],
        "bcdef",
        0,
    );
    ex(&["substr", "abcdef", "6", "1"], "f", 0);
    ex(&["substr", "abcdef", "7", "1"], "", 1);
    ex(&["substr", "abc", "x", "1"], "", 1);
    ex(&["index", "abcdef", "dcx"], "3", 0);
    ex(&["index", "abcdef", ""], "0", 1);
    ex(&["+", "match"], "match", 0);
    ex(&["+", "(", "=", "+", ")"], "0", 1);
    ex(&["(", "+", ")", ")"], ")", 0);
    bad(
        &["length", "length"],
        "syntax error: missing argument after 'length'",
        2,
    );
    cmd("expr")
        .env("LC_ALL", "C.UTF-8")
        .args(["length", "héllo"])
        .run()
        .ok()
        .out("5\n");
    cmd("expr")
        .env("LC_ALL", "C.UTF-8")
        .args(["substr", "héllo", "2", "2"])
        .run()
        .ok()
        .out("él\n");
    cmd("expr")
        .env("LC_ALL", "C.UTF-8")
        .args(["index", "héllo", "lé"])
        .run()
        .ok()
        .out("2\n");
    cmd("expr").args(["length", "héllo"]).run().ok().out("6\n");
}

/// `:` in a UTF-8 locale: `.`, brackets, `*` and classes take whole
/// characters and lengths count them (GNU coreutils 9.1, C.UTF-8).
#[test]
fn regex_characters_in_utf8() {
    let u = |args: &[&str], out: &str, status: i32| {
        cmd("expr")
            .env("LC_ALL", "C.UTF-8")
            .args(args)
            .run()
            .status(status)
            .err("")
            .out(format!("{out}\n"));
    };
    u(&["héllo", ":", "h.l"], "3", 0);
    u(&["héllo", ":", "\\(h.\\)"], "hé", 0);
    u(&["héllo", ":", ".*"], "5", 0);
    u(&["match", "ééé", "é*"], "3", 0);
    u(&["é", ":", "[[:alpha:]]"], "1", 0);
    u(&["Ωb", ":", "[[:upper:]]"], "1", 0);
    u(&["éa", ":", "[^a]a"], "2", 0);
    u(&["éa", ":", "é\\+"], "1", 0);
    u(&["ééa", ":", "é\\{2\\}"], "2", 0);
    u(&["éb", ":", "x\\|é"], "1", 0);
    u(&["éb", ":", "[é]b"], "2", 0);
    u(&["éé", ":", "\\(é\\)\\1"], "é", 0);
    u(&["abc", ":", "a\\(.\\)"], "b", 0);
    // An invalid sequence is matched by nothing, not even `.`.
    let bad = std::ffi::OsStr::from_bytes(b"\xff\xfeab");
    cmd("expr")
        .env("LC_ALL", "C.UTF-8")
        .arg(bad)
        .args([":", ".*"])
        .run()
        .status(1)
        .out("0\n");
    cmd("expr")
        .env("LC_ALL", "C.UTF-8")
        .arg(std::ffi::OsStr::from_bytes(b"a\xe9b"))
        .args([":", "a.b"])
        .run()
        .status(1)
        .out("0\n");
    // In the C locale the same are bytes.
    cmd("expr")
        .args(["héllo", ":", "h.l"])
        .run()
        .status(1)
        .out("0\n");
    cmd("expr").args(["héllo", ":", ".*"]).run().ok().out("6\n");
    cmd("expr")
        .args(["match", "ééé", "é*"])
        .run()
        .ok()
        .out("2\n");
    cmd("expr").arg(bad).args([":", ".*"]).run().ok().out("4\n");
}

#[test]
fn syntax_errors() {
    bad(&["1", "+"], "syntax error: missing argument after '+'", 2);
    bad(&["1", "2"], "syntax error: unexpected argument '2'", 2);
    bad(
        &["1", "+", "1", "2"],
        "syntax error: unexpected argument '2'",
        2,
    );
    bad(&["(", "1"], "syntax error: expecting ')' after '1'", 2);
    bad(
        &["(", "1", "2"],
        "syntax error: expecting ')' instead of '2'",
        2,
    );
    bad(
        &["(", "(", "1", ")"],
        "syntax error: expecting ')' after ')'",
        2,
    );
    bad(&[")"], "syntax error: unexpected ')'", 2);
    bad(&["(", ")"], "syntax error: unexpected ')'", 2);
    bad(
        &["length"],
        "syntax error: missing argument after 'length'",
        2,
    );
    bad(
        &["substr", "abc", "1"],
        "syntax error: missing argument after '1'",
        2,
    );
    bad(
        &["index", "abc"],
        "syntax error: missing argument after 'abc'",
        2,
    );
    bad(&["+"], "syntax error: missing argument after '+'", 2);
    bad(&["x", ":"], "syntax error: missing argument after ':'", 2);
    bad(&["1", "+", "it's"], "non-integer argument", 2);
    cmd("expr")
        .run()
        .status(2)
        .out("")
        .err_has("expr: missing operand\n");
    cmd("expr")
        .arg("--")
        .run()
        .status(2)
        .err_has("expr: missing operand\n");
}

#[test]
fn other_errors() {
    // GNU and BusyBox give status 2 for division by zero.
    bad(&["5", "/", "0"], "division by zero", 2);
    bad(&["5", "%", "0"], "division by zero", 2);
    bad(&["5", "/", "0", "2"], "division by zero", 2);
    bad(&["a", "+", "1"], "non-integer argument", 2);
    bad(&["abc", ":", "\\("], "Unmatched ( or \\(", 2);
    // Beyond i64 (GNU goes on with big numbers).
    bad(&["9223372036854775807", "+", "1"], "integer overflow", 3);
    bad(&["-9223372036854775808", "/", "-1"], "integer overflow", 3);
    bad(
        &["99999999999999999999", "+", "1"],
        "99999999999999999999: Numerical result out of range",
        3,
    );
    let help = cmd("expr").arg("--help").run();
    help.ok();
    assert!(help.stdout_str().starts_with("Usage: expr EXPRESSION\n"));
    ex(&["--help", "=", "--help"], "1", 0);
    cmd("expr")
        .args(["1"])
        .stdout_full()
        .run()
        .status(1)
        .err("expr: write error: No space left on device\n");
}
