//! wc: every count, GNU's column widths, totals, locales, errors.

use crate::common::*;

const A: &str = "hello world\nfoo\n\nbar baz qux\n";

fn setup() -> TempDir {
    let t = TempDir::new();
    t.write("a", A);
    let b: String = (1..=1000).map(|i| format!("{i}\n")).collect();
    t.write("b", b);
    t
}

fn wc(t: &TempDir, args: &[&str], expected: &str) {
    cmd("wc").args(args).cwd(t.path()).run().ok().out(expected);
}

#[test]
fn counts_and_widths() {
    let t = setup();
    wc(&t, &["a"], " 4  6 29 a\n");
    wc(&t, &["-l", "a"], "4 a\n");
    wc(&t, &["-c", "a"], "29 a\n");
    wc(&t, &["-L", "a"], "11 a\n");
    wc(&t, &["-m", "a"], "29 a\n");
    wc(&t, &["-lw", "a"], " 4  6 a\n");
    wc(&t, &["-l", "a", "b"], "   4 a\n1000 b\n1004 total\n");
    wc(
        &t,
        &["a", "b"],
        "   4    6   29 a\n1000 1000 3893 b\n1004 1006 3922 total\n",
    );
    wc(&t, &["-c", "a", "a"], "29 a\n29 a\n58 total\n");
    wc(&t, &["-lwmcL", "a"], " 4  6 29 29 11 a\n");
}

#[test]
fn standard_input() {
    case("wc", &[], A, "      4       6      29\n");
    case("wc", &["-l"], A, "4\n");
    case("wc", &[], "x", "      0       1       1\n");
    case("wc", &[], "", "      0       0       0\n");
    case("wc", &["-w"], " a  b\t\tc\n\n", "3\n");
    case("wc", &["-L"], "a\tb\n", "9\n");
    case("wc", &["-L"], "ab\rc\n", "2\n");
    // A redirected regular file counts as one for the width.
    let t = setup();
    let f = std::fs::File::open(t.join("a")).expect("open");
    let out = cmd("wc").command().stdin(f).output().expect("run");
    assert_eq!(String::from_utf8_lossy(&out.stdout), " 4  6 29\n");
}

#[test]
fn words_are_printable_runs() {
    case("wc", &["-w"], "\x01\x02 a\n", "1\n");
    // In the C locale bytes above 127 are not printable: no word.
    case("wc", &["-w"], "\u{ff}", "0\n");
    let out = cmd("wc").arg("-w").stdin(b"\xff\xfe ab\n").run();
    out.ok().out("1\n");
}

#[test]
fn utf8_locale() {
    let run = |args: &[&str], input: &[u8]| {
        cmd("wc")
            .args(args)
            .env("LC_ALL", "C.UTF-8")
            .stdin(input)
            .run()
            .ok()
            .stdout_str()
    };
    assert_eq!(
        run(&["-m", "-c", "-L"], "é\n".as_bytes()),
        "      2       3       1\n"
    );
    assert_eq!(run(&["-m"], b"\xff\xfe\n"), "1\n");
    assert_eq!(run(&["-L", "-m"], "中文\n".as_bytes()), "      3       4\n");
    assert_eq!(run(&["-w"], b"a\xffb\n"), "1\n");
    // In the C locale every byte is a character.
    cmd("wc").arg("-m").stdin("é\n").run().ok().out("3\n");
}

#[test]
fn errors() {
    let t = setup();
    std::fs::create_dir(t.join("d")).expect("mkdir");
    cmd("wc")
        .args(["nonex", "a"])
        .cwd(t.path())
        .run()
        .status(1)
        .out(" 4  6 29 a\n 4  6 29 total\n")
        .err("wc: nonex: No such file or directory\n");
    cmd("wc")
        .arg("d")
        .cwd(t.path())
        .run()
        .status(1)
        .out("      0       0       0 d\n")
        .err("wc: d: Is a directory\n");
    cmd("wc")
        .arg("a")
        .cwd(t.path())
        .stdout_full()
        .run()
        .status(1)
        .err_has("wc: write error");
}

#[test]
fn large_input() {
    let line = "word ".repeat(20) + "\n";
    let input = line.repeat(50_000);
    cmd("wc")
        .stdin(input.clone())
        .run()
        .ok()
        .out(format!("  50000 1000000 {:>7}\n", input.len()));
}
