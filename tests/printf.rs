//! printf: conversions, escapes, format reuse and numeric errors, as GNU,
//! BusyBox and dash print them (choices where they differ are marked).

use crate::common::*;

fn pf(args: &[&str], expected: &str) {
    case("printf", args, "", expected);
}

fn pf_bytes(args: &[&str], expected: &[u8]) {
    cmd("printf").args(args).run().ok().out(expected);
}

#[test]
fn plain_text_and_escapes() {
    pf(&["hello"], "hello");
    pf(
        &["a\\nb\\tc\\\\d\\a\\b\\f\\r\\v\\e"],
        "a\nb\tc\\d\x07\x08\x0c\r\x0b\x1b",
    );
    // In a format \NNN is one to three octal digits, the 0 counting.
    pf_bytes(&["\\0101\\18\\x41\\101\\7"], b"\x081\x018AA\x07");
    pf(&["\\\"\\'"], "\"\\'");
    // Unknown escapes and \x without digits stay (BusyBox; GNU errors).
    pf(&["\\q\\x\\"], "\\q\\x\\");
    // \c in the format ends all output.
    pf(&["a\\cb%s", "x"], "a");
}

#[test]
fn strings_and_chars() {
    pf(&["%s|%s\n", "a b", ""], "a b|\n");
    pf(
        &[
            "[%5s][%-5s][%.2s][%5.1s][%-4.3s]\n",
            "ab",
            "ab",
            "abc",
            "abc",
            "abcdef",
        ],
        "[   ab][ab   ][ab][    a][abc ]\n",
    );
    pf(&["%c%c|\n", "abc", "d"], "ad|\n");
    pf(&["[%3c][%-3c]\n", "x", "y"], "[  x][y  ]\n");
    // An empty argument to %c prints a NUL, as all three do.
    pf_bytes(&["%c|", ""], b"\0|");
    // Arguments that look like options are text.
    pf(&["%s\n", "--help"], "--help\n");
    pf(&["-x"], "-x");
    pf(&["--", "%s\n", "a"], "a\n");
}

#[test]
fn percent_b() {
    pf(&["%b|\n", "a\\tb\\n"], "a\tb\n|\n");
    // %b takes \0NNN and \NNN as echo -e does.
    pf(&["%b", "\\0101\\101\\1018\\x41\\0"], "AAA8A\0");
    // \c in a %b argument stops everything, the rest of the format too.
    pf(&["%b-%s\n", "x\\cy", "z"], "x");
    pf(&["%s %b\n", "a", "b\\c", "c", "d"], "a b");
    // Width and precision apply to the decoded text (POSIX, dash, BusyBox).
    pf(
        &["[%5b][%-4b][%.2b]\n", "a\\n", "b", "abc"],
        "[   a\n][b   ][ab]\n",
    );
}

#[test]
fn integers() {
    pf(&["%d %i %d %d\n", "42", "-7", "+5", " 12"], "42 -7 5 12\n");
    pf(
        &["%d %d %d %d\n", "0x1f", "010", "-0x10", "0X1F"],
        "31 8 -16 31\n",
    );
    pf(&["%o %u %x %X\n", "8", "3", "255", "255"], "10 3 ff FF\n");
    pf(
        &["%u %x %o\n", "-1", "-1", "-1"],
        "18446744073709551615 ffffffffffffffff 1777777777777777777777\n",
    );
    pf(
        &[
            "%.3d|%-5d|%+d|% d|%05d|%-+5d|\n",
            "5",
            "6",
            "7",
            "8",
            "9",
            "3",
        ],
        "005|6    |+7| 8|00009|+3   |\n",
    );
    pf(&["%#x %#o %#X\n", "255", "8", "10"], "0xff 010 0XA\n");
    pf(
        &["%d %d\n", "9223372036854775807", "-9223372036854775808"],
        "9223372036854775807 -9223372036854775808\n",
    );
    // Length modifiers are accepted and ignored, as GNU does.
    pf(
        &[
            "%ld %lld %hd %hhd %jd %zd %td %qd %Lf\n",
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "7",
            "8",
            "9",
        ],
        "1 2 3 4 5 6 7 8 9.000000\n",
    );
    // ' groups nothing in the C locale.
    pf(&["%'d\n", "1234567"], "1234567\n");
}

#[test]
fn character_values() {
    pf(&["%d %d %d %x\n", "'a", "\"b", "'A", "'a"], "97 98 65 61\n");
    // Bytes, as in the C locale.
    cmd("printf")
        .arg("%d\n")
        .arg(os(b"'\xe9"))
        .run()
        .ok()
        .out("233\n");
    pf(&["%.1f\n", "'a"], "97.0\n");
    cmd("printf")
        .args(["%d\n", "'ab"])
        .run()
        .status(0)
        .out("97\n")
        .err("printf: warning: b: character(s) following character constant have been ignored\n");
    cmd("printf")
        .args(["%d\n", "'"])
        .run()
        .status(1)
        .out("0\n")
        .err("printf: '\\'': expected a numeric value\n");
}

#[test]
fn floats() {
    pf(
        &["%f %e %g %E %G\n", "1.5", "1.5", "1.5", "1.5", "0.0001"],
        "1.500000 1.500000e+00 1.5 1.500000E+00 0.0001\n",
    );
    pf(
        &[
            "%.2f|%8.3f|%-8.1f|%08.2f|%+.1f\n",
            "3.14159",
            "2.5",
            "1",
            "-1.5",
            "2",
        ],
        "3.14|   2.500|1.0     |-0001.50|+2.0\n",
    );
    pf(
        &["%.0e %g %#.3g %g\n", "12345", "1e-10", "1", "100000000"],
        "1e+04 1e-10 1.00 1e+08\n",
    );
    pf(
        &["%f %f %f\n", "0x10", "1e3", "-0"],
        "16.000000 1000.000000 -0.000000\n",
    );
    pf(&["%f %F %f\n", "inf", "-inf", "nan"], "inf -INF nan\n");
    // double precision, as BusyBox and dash (GNU uses long double).
    pf(
        &["%a %.20f\n", "1.5", "0.1"],
        "0x1.8p+0 0.10000000000000000555\n",
    );
    pf(&["%d %f\n"], "0 0.000000\n");
}

#[test]
fn star_width_and_precision() {
    pf(
        &["[%*d][%-*.*d]\n", "5", "1", "6", "2", "3"],
        "[    1][03    ]\n",
    );
    pf(
        &["[%*d][%.*d][%*s]\n", "-5", "1", "-5", "1", "3", "x"],
        "[1    ][1][  x]\n",
    );
    pf(
        &["[%.*s][%.*f]\n", "2", "abcdef", "1", "2.25"],
        "[ab][2.2]\n",
    );
    cmd("printf")
        .args(["%*d\n", "99999999999", "1"])
        .run()
        .status(1)
        .out("")
        .err("printf: invalid field width: '99999999999'\n");
}

#[test]
fn format_reuse() {
    pf(&["%s-%s\n", "a", "b", "c"], "a-b\nc-\n");
    pf(&["%d,", "1", "2", "3"], "1,2,3,");
    pf(&["<%s>\n", "x", "", "y"], "<x>\n<>\n<y>\n");
    // Missing arguments are empty strings and zeros.
    pf(&["%s|%d|%b|%f|%c.\n"], "|0||0.000000|\0.\n");
}

#[test]
fn excess_arguments_without_directives() {
    cmd("printf")
        .args(["x\n", "a", "b"])
        .run()
        .status(0)
        .out("x\n")
        .err("printf: warning: ignoring excess arguments, starting with 'a'\n");
}

#[test]
fn numeric_errors_go_on_with_status_1() {
    let e = |args: &[&str], out: &str, err: &str| {
        cmd("printf").args(args).run().status(1).out(out).err(err);
    };
    e(
        &["%d|%d\n", "abc", "2"],
        "0|2\n",
        "printf: 'abc': expected a numeric value\n",
    );
    e(
        &["%d\n", "12abc"],
        "12\n",
        "printf: '12abc': value not completely converted\n",
    );
    e(
        &["%d\n", "12 "],
        "12\n",
        "printf: '12 ': value not completely converted\n",
    );
    e(
        &["%d\n", "1.5"],
        "1\n",
        "printf: '1.5': value not completely converted\n",
    );
    e(
        &["%f\n", "1.5x"],
        "1.500000\n",
        "printf: '1.5x': value not completely converted\n",
    );
    e(
        &["%d\n", "99999999999999999999"],
        "9223372036854775807\n",
        "printf: '99999999999999999999': Numerical result out of range\n",
    );
    e(
        &["%d\n", "-9223372036854775809"],
        "-9223372036854775808\n",
        "printf: '-9223372036854775809': Numerical result out of range\n",
    );
    e(
        &["%*d|\n", "x", "3"],
        "3|\n",
        "printf: 'x': expected a numeric value\n",
    );
    // An empty argument is zero without an error.
    pf(&["%d %u %f\n", "", "", ""], "0 0 0.000000\n");
}

#[test]
fn invalid_directives_stop() {
    let e = |args: &[&str], out: &str, err: &str| {
        cmd("printf").args(args).run().status(1).out(out).err(err);
    };
    e(
        &["abc%"],
        "abc",
        "printf: %: invalid conversion specification\n",
    );
    e(
        &["a%kb", "1"],
        "a",
        "printf: %k: invalid conversion specification\n",
    );
    e(
        &["%5%|\n"],
        "",
        "printf: %5%: invalid conversion specification\n",
    );
    e(
        &["%y%s", "a"],
        "",
        "printf: %y: invalid conversion specification\n",
    );
    pf(&["100%%\n"], "100%\n");
}

#[test]
fn usage() {
    cmd("printf")
        .run()
        .status(1)
        .err_has("printf: missing operand\n");
    cmd("printf")
        .arg("--")
        .run()
        .status(1)
        .err_has("printf: missing operand\n");
    cmd("printf").arg("--help").run().status(0).err("");
}

#[test]
fn long_output_and_many_arguments() {
    let args: Vec<String> = (0..20000).map(|i| i.to_string()).collect();
    let expected: String = args.iter().map(|a| format!("{a}\n")).collect();
    cmd("printf")
        .arg("%s\n")
        .args(&args)
        .run()
        .ok()
        .out(expected);
    let wide = format!("{}x", " ".repeat(99999));
    cmd("printf")
        .args(["%100000s", "x"])
        .run()
        .ok()
        .out(wide.as_str());
}

#[test]
fn write_error() {
    cmd("printf")
        .arg("x")
        .stdout_full()
        .run()
        .status(1)
        .err_has("printf: write error");
}
