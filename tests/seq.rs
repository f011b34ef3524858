//! seq: operands, steps, precision, -w, -s, -f and the errors, as GNU.

use crate::common::*;

fn seq(args: &[&str], expected: &str) {
    case("seq", args, "", expected);
}

/// The numbers as lines.
fn lines(v: &[&str]) -> String {
    v.iter().map(|s| format!("{s}\n")).collect()
}

#[test]
fn one_two_three_operands() {
    seq(&["3"], &lines(&["1", "2", "3"]));
    seq(&["2", "4"], &lines(&["2", "3", "4"]));
    seq(&["1", "3", "10"], &lines(&["1", "4", "7", "10"]));
    seq(&["1", "3", "9"], &lines(&["1", "4", "7"]));
    seq(&["1", "1"], "1\n");
}

#[test]
fn empty_sequences_print_nothing() {
    seq(&["0"], "");
    seq(&["5", "1"], "");
    seq(&["1", "-1", "3"], "");
    seq(&["-s", ",", "5", "1"], "");
}

#[test]
fn negatives() {
    seq(&["-1"], "");
    seq(&["-3", "-1"], &lines(&["-3", "-2", "-1"]));
    seq(&["--", "-3", "-1"], &lines(&["-3", "-2", "-1"]));
    seq(&["1", "-1", "-2"], &lines(&["1", "0", "-1", "-2"]));
    seq(&["-1", "-.5", "-2"], &lines(&["-1.0", "-1.5", "-2.0"]));
    seq(&["-w", "-5", "3", "5"], &lines(&["-5", "-2", "01", "04"]));
}

#[test]
fn fractions_are_exact() {
    seq(
        &["0", "0.1", "0.5"],
        &lines(&["0.0", "0.1", "0.2", "0.3", "0.4", "0.5"]),
    );
    // Added exactly: the last step lands on LAST.
    let tenths: Vec<String> = (0..=10).map(|i| format!("{}.{}", i / 10, i % 10)).collect();
    let v: Vec<&str> = tenths.iter().map(String::as_str).collect();
    seq(&["0", "0.1", "1"], &lines(&v));
    seq(&["1.5", "3"], &lines(&["1.5", "2.5"]));
    seq(&[".5", "2"], &lines(&["0.5", "1.5"]));
    seq(&["1.", "3"], &lines(&["1", "2", "3"]));
    seq(&["2", "0.000001", "2.0000001"], "2.000000\n");
    seq(&["1", "-0.25", "0.5"], &lines(&["1.00", "0.75", "0.50"]));
}

#[test]
fn precision_comes_from_first_and_increment() {
    // LAST's decimals do not count, as in GNU.
    seq(&["1", "1.50"], "1\n");
    seq(&["0.10", "0.1", "0.3"], &lines(&["0.10", "0.20", "0.30"]));
    seq(&["1", "0.5", "2"], &lines(&["1.0", "1.5", "2.0"]));
    seq(&["--", "1", "+0.5", "2"], &lines(&["1.0", "1.5", "2.0"]));
}

#[test]
fn exponents_and_other_forms() {
    seq(&["1e2", "1e2"], "100\n");
    seq(&["1e-1", "0.1", "0.3"], &lines(&["0.1", "0.2", "0.3"]));
    seq(&["1", "1e1", "30"], &lines(&["1", "11", "21"]));
    seq(&["0.5e1", "7"], &lines(&["5", "6", "7"]));
    seq(&["1.5E0", "2.5"], &lines(&["1.5", "2.5"]));
    seq(&["+1", "3"], &lines(&["1", "2", "3"]));
    seq(&[" 1", "3"], &lines(&["1", "2", "3"]));
    seq(&["007", "9"], &lines(&["7", "8", "9"]));
    seq(&["-0", "1"], &lines(&["-0", "1"]));
    // Hex goes through double and %g.
    seq(&["0x10", "0x12"], &lines(&["16", "17", "18"]));
    seq(&["1", "0x1p-1", "2"], &lines(&["1", "1.5", "2"]));
    seq(&["1", "1", "1e-1"], "");
}

#[test]
fn big_integers_are_exact() {
    seq(
        &["99999999999999999998", "100000000000000000000"],
        &lines(&[
            "99999999999999999998",
            "99999999999999999999",
            "100000000000000000000",
        ]),
    );
    seq(
        &["999999", "1000001"],
        &lines(&["999999", "1000000", "1000001"]),
    );
    // More decimals than long double keeps (GNU prints ...0000 here).
    seq(
        &["1.0000000000000000000001", "2"],
        "1.0000000000000000000001\n",
    );
}

#[test]
fn equal_width() {
    seq(
        &["-w", "1", "10"],
        &lines(&["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"]),
    );
    seq(&["-w", "-1", "1"], &lines(&["-1", "00", "01"]));
    seq(
        &["-w", "0.5", "0.5", "2"],
        &lines(&["0.5", "1.0", "1.5", "2.0"]),
    );
    // LAST's width counts at the output's precision: 3.00 is 3.0 wide.
    seq(
        &["-w", "1", "0.5", "3.00"],
        &lines(&["1.0", "1.5", "2.0", "2.5", "3.0"]),
    );
    seq(
        &["-w", "1", "4.5", "10.00"],
        &lines(&["01.0", "05.5", "10.0"]),
    );
    seq(
        &["-w", "1", "-0.5", "-1"],
        &lines(&["01.0", "00.5", "00.0", "-0.5", "-1.0"]),
    );
    seq(&["-w", "5", "-1", "1"], &lines(&["5", "4", "3", "2", "1"]));
    seq(&["-w", "08", "10"], &lines(&["08", "09", "10"]));
    seq(&["--equal-width", "9", "10"], &lines(&["09", "10"]));
    seq(&["-w", "-s,", "98", "101"], "098,099,100,101\n");
    // Hex operands have no known width.
    seq(&["-w", "0x8", "0xa"], &lines(&["8", "9", "10"]));
}

#[test]
fn separator() {
    seq(&["-s", ",", "1", "5"], "1,2,3,4,5\n");
    seq(&["-s", "", "1", "3"], "123\n");
    seq(&["-s", "ab", "1", "2"], "1ab2\n");
    seq(&["--separator=:", "1", "3"], "1:2:3\n");
    seq(&["-s", "\n\n", "1", "2"], "1\n\n2\n");
    seq(&["-s,", "1"], "1\n");
}

#[test]
fn format() {
    seq(&["-f", "%03g", "1", "3"], &lines(&["001", "002", "003"]));
    seq(
        &["-f", "%.2f", "1", "0.5", "2"],
        &lines(&["1.00", "1.50", "2.00"]),
    );
    seq(&["-f", "x%gy", "1", "2"], &lines(&["x1y", "x2y"]));
    seq(&["-f", "%%%g%%", "1", "2"], &lines(&["%1%", "%2%"]));
    seq(&["-f", "%.1e", "1", "2"], &lines(&["1.0e+00", "2.0e+00"]));
    seq(&["-f", "%5.2f|", "1", "2"], &lines(&[" 1.00|", " 2.00|"]));
    seq(&["-f", "%-4g|", "1", "2"], &lines(&["1   |", "2   |"]));
    seq(&["-f", "%Lg", "1", "2"], &lines(&["1", "2"]));
    seq(&["--format=%g", "1", "2"], &lines(&["1", "2"]));
    seq(
        &["-f", "%g", "-s", " ", "0", "0.25", "1"],
        "0 0.25 0.5 0.75 1\n",
    );
}

#[test]
fn format_errors() {
    let e = |f: &str, msg: &str| {
        cmd("seq")
            .args(["-f", f, "1", "2"])
            .run()
            .status(1)
            .out("")
            .err(format!("seq: {msg}\n"));
    };
    e("%d", "format '%d' has unknown %d directive");
    e("%g%g", "format '%g%g' has too many % directives");
    e("abc", "format 'abc' has no % directive");
    e("%", "format '%' ends in %");
    cmd("seq")
        .args(["-w", "-f", "%g", "1", "2"])
        .run()
        .status(1)
        .out("")
        .err_has("seq: format string may not be specified when printing equal width strings\n");
}

#[test]
fn operand_errors() {
    let e = |args: &[&str], msg: &str| {
        cmd("seq")
            .args(args)
            .run()
            .status(1)
            .out("")
            .err_has(&format!("seq: {msg}\n"));
    };
    e(&[], "missing operand");
    e(&["a"], "invalid floating point argument: 'a'");
    e(&["1", "x", "3"], "invalid floating point argument: 'x'");
    e(&[""], "invalid floating point argument: ''");
    e(&["1e"], "invalid floating point argument: '1e'");
    e(&["1", "2", "3", "4"], "extra operand '4'");
    e(&["1", "0", "5"], "invalid Zero increment value: '0'");
    e(&["1", "-0.0", "5"], "invalid Zero increment value: '-0.0'");
    e(&["nan"], "invalid 'not-a-number' argument: 'nan'");
    e(&["-x"], "invalid option -- 'x'");
}

#[test]
fn endless_until_the_pipe_closes() {
    sh("seq 1 inf | head -n 3").run().ok().out("1\n2\n3\n");
    sh("seq 5 1e500 | head -n 2").run().ok().out("5\n6\n");
    seq(&["1", "-1", "inf"], "");
}

#[test]
fn long_runs_and_write_errors() {
    let out = cmd("seq").arg("100000").run();
    out.ok();
    assert_eq!(
        out.stdout.len(),
        (1..=100000)
            .map(|i: u32| i.to_string().len() + 1)
            .sum::<usize>()
    );
    assert!(out.stdout.ends_with(b"99999\n100000\n"));
    cmd("seq")
        .arg("10")
        .stdout_full()
        .run()
        .status(1)
        .err_has("seq: write error");
}
