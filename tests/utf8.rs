//! UTF-8 locales: `.`, bracket expressions, `\w`, repeats and case folding
//! take whole characters in grep, sed, awk and find, as GNU's tools do in
//! C.UTF-8; an invalid byte is matched only by itself. Every expected
//! output is GNU's (grep 3.8, sed 4.9, gawk 5.2, find 4.9) on the same
//! input. In the C locale the same patterns work on bytes.

#![allow(unused_imports, dead_code)]

use crate::common::*;

/// `applet args` on `stdin` with LC_ALL=C.UTF-8.
#[track_caller]
fn u8(
    applet: &str,
    args: &[&str],
    stdin: impl AsRef<[u8]>,
    out: impl AsRef<[u8]>,
    err: &str,
    status: i32,
) {
    cmd(applet)
        .args(args)
        .env("LC_ALL", "C.UTF-8")
        .stdin(stdin)
        .run()
        .status(status)
        .out(out)
        .err(err);
}

#[cfg(feature = "grep")]
#[test]
fn grep_matches_characters() {
    u8("grep", &["-o", "."], "é€x\n", "é\n€\nx\n", "", 0);
    u8("grep", &["-c", "^.$"], "é\nab\n€\n\n", "2\n", "", 0);
    u8("grep", &["-o", "[^a]"], "aéb\n", "é\nb\n", "", 0);
    u8("grep", &["-o", "[[:alpha:]]*"], "aé1ü\n", "aé\nü\n", "", 0);
    u8("grep", &["-o", "[[:punct:]]"], "a€b-\n", "€\n-\n", "", 0);
    u8("grep", &["-o", "[[:upper:]]"], "aÀbÉ\n", "À\nÉ\n", "", 0);
    u8("grep", &["-i", "é"], "É\nE\né\n", "É\né\n", "", 0);
    u8("grep", &["-iF", "é"], "É\nE\n", "É\n", "", 0);
    u8("grep", &["-io", "[é]"], "ÉxéE\n", "É\né\n", "", 0);
    u8("grep", &["-o", "\\w*"], "ñu-x\n", "ñu\nx\n", "", 0);
    u8("grep", &["-o", "\\W"], "ñ€x\n", "€\n", "", 0);
    u8("grep", &["-Eo", "é{2}"], "éééé\n", "éé\néé\n", "", 0);
    u8("grep", &["-E", "^(.)\\1$"], "éé\néa\n", "éé\n", "", 0);
    u8("grep", &["-ob", "."], "aé€\n", "0:a\n1:é\n3:€\n", "", 0);
    u8("grep", &["-o", "[é€]\\+"], "aé€é\n", "é€é\n", "", 0);
    // In the C locale `.` is a byte: -o would cut é in two.
    cmd("grep")
        .args(["-o", "."])
        .stdin("é\n")
        .run()
        .ok()
        .out(b"\xc3\n\xa9\n");
    cmd("grep")
        .args(["-c", "^.$"])
        .stdin("é\n")
        .run()
        .status(1)
        .out("0\n");
}

/// A pattern with a character set and a literal of three bytes or more
/// is searched for the literal first, then in the lines that hold it:
/// lines with the literal but no match, matches at a line's ends, several
/// matches in one line, -w, -x, -v, -c and -n.
#[cfg(feature = "grep")]
#[test]
fn grep_lines_holding_the_literal() {
    let t = "llo x\nhéllo\nhallo héllo\nhllo\nzz\nhéllo hüllo\nhé\nllo\n";
    u8(
        "grep",
        &["h.llo"],
        t,
        "héllo\nhallo héllo\nhéllo hüllo\n",
        "",
        0,
    );
    u8("grep", &["-c", "h.llo"], t, "3\n", "", 0);
    u8("grep", &["-vc", "h.llo"], t, "5\n", "", 0);
    u8(
        "grep",
        &["-n", "h.llo$"],
        t,
        "2:héllo\n3:hallo héllo\n6:héllo hüllo\n",
        "",
        0,
    );
    u8(
        "grep",
        &["-o", "h.llo"],
        t,
        "héllo\nhallo\nhéllo\nhéllo\nhüllo\n",
        "",
        0,
    );
    u8("grep", &["-x", "h.llo"], t, "héllo\n", "", 0);
    u8("grep", &["-wo", "h.llo h"], t, "", "", 1);
    u8("grep", &["-o", "^h.llo"], t, "héllo\nhallo\nhéllo\n", "", 0);
    u8("grep", &["-c", "é.lo"], t, "3\n", "", 0);
    u8("grep", &["-c", "é.llo"], t, "0\n", "", 1);
    u8(
        "grep",
        &["-c", "[^z]llo x"],
        "llo x\nallo x\n",
        "1\n",
        "",
        0,
    );
}

/// After an empty match, s///g and gsub go on at the next byte, even in
/// UTF-8 (GNU sed without I, gawk and BusyBox all do; GNU sed's I goes on
/// at the next character): `s/x*/-/g` puts a `-` inside é.
#[cfg(all(feature = "sed", feature = "awk"))]
#[test]
fn empty_matches_step_by_bytes() {
    let want = b"-\xc3-\xa9-a-\n";
    u8("sed", &["s/x*/-/g"], "éa\n", want, "", 0);
    u8("awk", &["{gsub(/x*/,\"-\")}1"], "éa\n", want, "", 0);
}

#[cfg(feature = "grep")]
#[test]
fn grep_words_are_the_locales() {
    // -w: é is a word character, so café inside Écafé is no word; € is not.
    u8(
        "grep",
        &["-w", "café"],
        "Écafé\n€café€\n",
        "€café€\n",
        "",
        0,
    );
    u8("grep", &["-cw", "é"], "éé\nx é y\n", "1\n", "", 0);
    u8("grep", &["-ow", "ab"], "éab ab€ ab_\n", "ab\n", "", 0);
    u8(
        "grep",
        &["-w", "ab"],
        b"ab\xff\n",
        "",
        "grep: (standard input): binary file matches\n",
        0,
    );
    // The C locale: é's bytes are no word bytes.
    cmd("grep")
        .args(["-w", "café"])
        .stdin("Écafé\n")
        .run()
        .ok()
        .out("Écafé\n");
}

#[cfg(feature = "grep")]
#[test]
fn grep_invalid_bytes_match_nothing_but_themselves() {
    // `.` does not match the invalid byte; the line is never printed.
    u8(
        "grep",
        &["-o", "a.b"],
        b"a\xffb\na\xc3\xa9b\n",
        "aéb\n",
        "",
        0,
    );
    u8(
        "grep",
        &["-ao", "a.b"],
        b"a\xffb\na\xc3\xa9b\n",
        "aéb\n",
        "",
        0,
    );
    // A cut sequence splits `.*`.
    u8("grep", &["-ao", ".*"], b"x\xe2\x82y\n", "x\ny\n", "", 0);
    u8("grep", &["-c", "x"], b"x\xff\n", "1\n", "", 0);
    // A line that is no valid UTF-8 makes the input binary.
    u8(
        "grep",
        &["b"],
        b"a\xffb\n",
        "",
        "grep: (standard input): binary file matches\n",
        0,
    );
}

#[cfg(feature = "sed")]
#[test]
fn sed_matches_characters() {
    u8("sed", &["s/./X/g"], "é€x\n", "XXX\n", "", 0);
    u8("sed", &["s/./X/g"], b"a\xffb\n", b"X\xffX\n", "", 0);
    u8("sed", &["s/.$/X/"], "é€\n", "éX\n", "", 0);
    u8("sed", &["-E", "s/é{2}/X/"], "ééé\n", "Xé\n", "", 0);
    u8("sed", &["s/é*/X/"], "ééa\n", "Xa\n", "", 0);
    u8("sed", &["s/[é]/X/Ig"], "àÉü\n", "àXü\n", "", 0);
    u8("sed", &["s/[^é]/X/g"], "àéü\n", "XéX\n", "", 0);
    u8(
        "sed",
        &["s/\\(.\\)x\\(.\\)/\\2\\1/"],
        "éx€\n",
        "€é\n",
        "",
        0,
    );
    u8(
        "sed",
        &["-n", "/\\(.\\)a\\1a/p"],
        "éaéa\nxaya\n",
        "éaéa\n",
        "",
        0,
    );
    u8("sed", &["s/[[:alpha:]]/X/g"], "aé1€\n", "XX1€\n", "", 0);
    u8(
        "sed",
        &["s/\\w\\+/<&>/g"],
        "naïve café\n",
        "<naïve> <café>\n",
        "",
        0,
    );
    u8("sed", &["s/é/\\n/"], "aéb\n", "a\nb\n", "", 0);
    // The C locale: six bytes.
    cmd("sed")
        .arg("s/./X/g")
        .stdin("é€\n")
        .run()
        .ok()
        .out("XXXXX\n");
}

#[cfg(feature = "sed")]
#[test]
fn sed_groups_around_characters() {
    // Each `.` is spelled for the C library's matcher with a group of its
    // own: the pattern's groups still number from 1, up to \9.
    u8(
        "sed",
        &["s/\\(.\\)\\(.\\)\\(.\\)\\(.\\)\\(.\\)\\(.\\)/\\6\\5\\4\\3\\2\\1/"],
        "àéîõüx\n",
        "xüõîéà\n",
        "",
        0,
    );
    u8(
        "sed",
        &["-E", "s/(.)(.)\\2\\1/[&]/"],
        "aééaz\n",
        "[aééa]z\n",
        "",
        0,
    );
    u8(
        "sed",
        &["s/.\\(.*\\)\\(.\\)\\(.\\)\\3\\2/\\1/"],
        "éxyzé€€é!\n",
        "xyz!\n",
        "",
        0,
    );
}

#[cfg(feature = "sed")]
#[test]
fn sed_case_conversion_takes_characters() {
    u8("sed", &["s/.*/\\U&/"], "àb€ß\n", "ÀB€ß\n", "", 0);
    u8("sed", &["s/.*/\\u&/"], "éa\n", "Éa\n", "", 0);
    u8("sed", &["s/.*/\\l&/"], "ÉA\n", "éA\n", "", 0);
    u8(
        "sed",
        &["s/\\(.\\)\\(.\\)/\\U\\1\\E\\2/"],
        "éa\n",
        "Éa\n",
        "",
        0,
    );
    u8("sed", &["s/.*/\\L\\u&/"], "ÉCOLE\n", "École\n", "", 0);
    // `.*` stops at an invalid byte, so only the a is changed.
    u8("sed", &["s/.*/\\U&/"], b"a\xffb\n", b"A\xffb\n", "", 0);
    // An invalid byte inside the text changed is left as it is.
    cmd("sed")
        .args([os(b"s/a\xffb/\\U&/")])
        .env("LC_ALL", "C.UTF-8")
        .stdin(b"a\xffb\n")
        .run()
        .ok()
        .out(b"A\xffB\n");
    // The C locale: only ASCII letters.
    cmd("sed")
        .arg("s/.*/\\U&/")
        .stdin("àb\n")
        .run()
        .ok()
        .out("àB\n");
}

#[cfg(feature = "sed")]
#[test]
fn sed_y_takes_characters() {
    u8("sed", &["y/é/e/"], "héllo\n", "hello\n", "", 0);
    u8("sed", &["y/aé/éa/"], "aé\n", "éa\n", "", 0);
    u8("sed", &["y/e€/€e/"], "e€x\n", "€ex\n", "", 0);
    // The first pair for a character wins (in the C locale the last does).
    u8("sed", &["y/éé/xy/"], "é\n", "x\n", "", 0);
    u8("sed", &["y/é\\n/e|/;N;y/\\n/+/"], "é\né\n", "e+é\n", "", 0);
    u8("sed", &["y/é/e/"], b"a\xff\xc3\xa9\n", b"a\xffe\n", "", 0);
    u8(
        "sed",
        &["y/é/ab/"],
        "é\n",
        "",
        "sed: -e expression #1, char 8: strings for `y' command are different lengths\n",
        1,
    );
    // The C locale: é is two bytes, so it needs two.
    cmd("sed")
        .arg("y/é/ab/")
        .stdin("é\n")
        .run()
        .ok()
        .out("ab\n");
}

#[cfg(feature = "awk")]
#[test]
fn awk_matches_characters() {
    u8(
        "awk",
        &["{gsub(/./,\"<&>\")}1"],
        "é€x\n",
        "<é><€><x>\n",
        "",
        0,
    );
    u8(
        "awk",
        &["{print toupper($0), tolower($0)}"],
        "àÉß\n",
        "ÀÉß àéß\n",
        "",
        0,
    );
    u8(
        "awk",
        &["{match($0, /é+/); print RSTART, RLENGTH}"],
        "xéé\n",
        "2 2\n",
        "",
        0,
    );
    u8(
        "awk",
        &["{n = split($0, a, /[é€]/); print n, a[1], a[3]}"],
        "xéy€z\n",
        "3 x z\n",
        "",
        0,
    );
    u8("awk", &["$0 ~ /^.$/"], "é\nab\n", "é\n", "", 0);
    // The C locale: bytes, and only ASCII letters change case.
    case(
        "awk",
        &["{print toupper($0), length($0)}"],
        "àb\n",
        "àB 3\n",
    );
}

#[cfg(feature = "find")]
#[test]
fn find_names_and_regexes_take_characters() {
    let d = TempDir::new();
    for name in ["é", "ab", "x"] {
        d.write(name, "");
    }
    d.write(os(b"y\xff"), "");
    let find = |args: &[&str], locale: &str| {
        let out = cmd("find")
            .args(args)
            .env("LC_ALL", locale)
            .cwd(d.path())
            .run();
        out.status(0).err("");
        let mut lines: Vec<String> = out.stdout_str().lines().map(String::from).collect();
        lines.sort();
        lines
    };
    assert_eq!(find(&[".", "-name", "?"], "C.UTF-8"), [".", "./x", "./é"]);
    assert_eq!(find(&[".", "-name", "[é]"], "C.UTF-8"), ["./é"]);
    assert_eq!(find(&[".", "-iname", "É"], "C.UTF-8"), ["./é"]);
    assert_eq!(find(&[".", "-regex", "\\./."], "C.UTF-8"), ["./x", "./é"]);
    // A name that is no valid UTF-8 is matched byte by byte.
    assert_eq!(find(&[".", "-name", "y?"], "C.UTF-8"), ["./y\u{fffd}"]);
    // The C locale: é is two bytes.
    assert_eq!(find(&[".", "-name", "?"], "C"), [".", "./x"]);
}
