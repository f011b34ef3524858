//! tr: translation, classes, repeats, escapes, -c -d -s -t, GNU's checks
//! and messages (each checked against GNU tr 9.1).

use crate::common::*;

#[track_caller]
fn fails(args: &[&str], err: &str) {
    cmd("tr")
        .args(args)
        .stdin("x")
        .run()
        .status(1)
        .out("")
        .err_has(err);
}

#[test]
fn translates() {
    case("tr", &["a-z", "A-Z"], "Hello, World\n", "HELLO, WORLD\n");
    case("tr", &["abc", "xyz"], "aabbcc", "xxyyzz");
    case("tr", &["abcd", "xy"], "abcd\n", "xyyy\n");
    case("tr", &["-t", "abcd", "xy"], "abcd\n", "xycd\n");
    case("tr", &["--truncate-set1", "Hello", "ab"], "Hello", "abllo");
    case("tr", &["a-zA-Z", "A-Za-z"], "Hello\n", "hELLO\n");
    case(
        "tr",
        &["a-z0-9", "n-za-m5-90-4"],
        "abc xyz 019\n",
        "nop klm 564\n",
    );
    case("tr", &["ab", "xyz"], "ab", "xy");
    case("tr", &["a-a", "z"], "aba", "zbz");
    // The later of two mappings for one byte wins.
    case("tr", &["aa", "xy"], "a", "y");
    case("tr", &["", ""], "abc", "abc");
    case("tr", &["", "x"], "abc", "abc");
    case("tr", &["-t", "abc", ""], "abc", "abc");
}

#[test]
fn classes_and_case_pairs() {
    case("tr", &["[:lower:]", "[:upper:]"], "Hello 1\n", "HELLO 1\n");
    case("tr", &["[:upper:]", "[:lower:]"], "Hello 1\n", "hello 1\n");
    case(
        "tr",
        &["[:lower:][:upper:]", "[:upper:][:lower:]"],
        "Hi\n",
        "hI\n",
    );
    case("tr", &["ab[:lower:]", "xy[:upper:]"], "abc\n", "ABC\n");
    case("tr", &["[:upper:]", "[:upper:]"], "Hi", "Hi");
    case("tr", &["[:upper:]", "a-c"], "ABCDZ", "abccc");
    case("tr", &["[:lower:]", "[:upper:]ab"], "az", "AZ");
    // A second class past string1's end pairs with nothing.
    case("tr", &["[:upper:]", "[:lower:]x[:upper:]"], "AZ", "az");
    let all: Vec<u8> = (0..=255u8).collect();
    let kept = |class: &str| -> Vec<u8> {
        let o = cmd("tr").args(["-cd", class]).stdin(&all).run();
        o.ok();
        o.stdout.clone()
    };
    assert_eq!(
        kept("[:alpha:]"),
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    );
    assert_eq!(kept("[:digit:]"), b"0123456789");
    assert_eq!(kept("[:xdigit:]"), b"0123456789ABCDEFabcdef");
    assert_eq!(kept("[:alnum:]").len(), 62);
    assert_eq!(kept("[:space:]"), b"\t\n\x0b\x0c\r ");
    assert_eq!(kept("[:blank:]"), b"\t ");
    assert_eq!(kept("[:punct:]"), b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
    assert_eq!(kept("[:cntrl:]"), (0..32).chain([127]).collect::<Vec<u8>>());
    assert_eq!(kept("[:graph:]"), (33..127).collect::<Vec<u8>>());
    assert_eq!(kept("[:print:]"), (32..127).collect::<Vec<u8>>());
    // Bytes above 127 are in no class, in C.UTF-8 as in C (bytes, not characters).
    cmd("tr")
        .args(["-d", "[:alpha:]"])
        .env("LC_ALL", "C.UTF-8")
        .stdin("é a\n")
        .run()
        .ok()
        .out("é \n");
}

#[test]
fn brackets_and_repeats() {
    case("tr", &["o[=l=]", "x"], "hello", "hexxx");
    case("tr", &["[===]", "x"], "a=b", "axb");
    case("tr", &["lo", "[x*]y"], "hello", "hexxy");
    case("tr", &["abcd", "xy[y*]z"], "abcd", "xyyz");
    case("tr", &["Hlo", "[x*1]y"], "Hello", "xeyyy");
    // A count with a leading 0 is octal.
    case(
        "tr",
        &["abcdefghij", "[x*010]y"],
        "abcdefghij",
        "xxxxxxxxyy",
    );
    case("tr", &["[a*3]", "x"], "a*b", "x*b");
    case("tr", &["-d", "[a*3]"], "a*3b", "*3b");
    case("tr", &["l", "[\\n*2]"], "al", "a\n");
    // Not constructs: these are plain bytes.
    case("tr", &["[:alpha", "x"], "[:bi", "xxbi");
    case("tr", &["[:]", "x"], "[:]", "xxx");
    case("tr", &["[=", "x"], "=[", "xx");
    case("tr", &["[a-z]", "x"], "[q]", "xxx");
    case("tr", &["l", "[a*\\2]"], "l", "[");
    case("tr", &["\\[x*3]", "y"], "[x", "yy");
    case("tr", &["a-", "x"], "-a", "xx");
    case("tr", &["--", "-a", "xy"], "a-", "yx");
    case("tr", &["a\\-z", "XYZ"], "a-zb", "XYZb");
}

#[test]
fn escapes() {
    case("tr", &["\\n\\t", "\\t\\n"], "a\tb\n", "a\nb\t");
    case("tr", &["\\110\\145", "Xy"], "Hello", "Xyllo");
    case("tr", &["\\1101", "Z"], "H1", "ZZ");
    case("tr", &["\\\\", "/"], "a\\b", "a/b");
    case("tr", &["\\q", "x"], "q", "x");
    case(
        "tr",
        &["\\a\\b\\f\\r\\v", "abfrv"],
        "\x07\x08\x0c\r\x0b",
        "abfrv",
    );
    case("tr", &["\\0", "x"], "a\0b", "axb");
    cmd("tr")
        .args(["\\400", "xy"])
        .stdin("a 0")
        .run()
        .status(0)
        .out("axy")
        .err("tr: warning: the ambiguous octal escape \\400 is being\n\tinterpreted as the 2-byte sequence \\040, 0\n");
    cmd("tr")
        .args(["a\\", "xy"])
        .stdin("a\\")
        .run()
        .status(0)
        .out("xy")
        .err("tr: warning: an unescaped backslash at end of string is not portable\n");
}

#[test]
fn complement_delete_squeeze() {
    case("tr", &["-c", "a-z", "xy"], "Hi!\n", "yiyy");
    case("tr", &["-C", "a", "x"], "abc", "axx");
    case("tr", &["--complement", "a", "[x*]"], "ab", "ax");
    // \0 is the first byte of a complement and takes string2's first byte.
    case("tr", &["-c", "a-z", "xy"], "\0a", "xa");
    case("tr", &["-c", "[:alpha:]", "x"], "a1 b", "axxb");
    case("tr", &["-c", "[:alpha:]", "x[x*]"], "a1", "ax");
    case("tr", &["-c", "\\0-\\377", "x"], "abc", "abc");
    case("tr", &["-d", "l"], "hello\n", "heo\n");
    case("tr", &["-d", "[:digit:][:upper:]"], "A1b2C", "b");
    case("tr", &["-cd", "a-z\\n"], "Hi There!\n", "ihere\n");
    case("tr", &["-d", ""], "abc", "abc");
    case("tr", &["-d", "\\0"], "a\0b\0", "ab");
    case("tr", &["-s", "l"], "hello  ll\n", "helo  l\n");
    case("tr", &["-s", " "], "a   b    c", "a b c");
    case("tr", &["-s", "lo", "xx"], "hello", "hex");
    case("tr", &["-s", "lo", "xy"], "hello wool", "hexy wyx");
    case("tr", &["-s", "[:upper:]", "[:lower:]"], "HELLO", "helo");
    case(
        "tr",
        &["-cs", "a-zA-Z", "\\n"],
        "one, two  three\n",
        "one\ntwo\nthree\n",
    );
    case("tr", &["-cs", "[:alnum:]", "[\\n*]"], "a--b", "a\nb");
    case("tr", &["-ds", "a", "l"], "hallo alla", "hlo l");
    case(
        "tr",
        &["-ds", "[:upper:]", "[:lower:]"],
        "HeLLo  oo",
        "eo  o",
    );
    case("tr", &["-ds", "a", "[:digit:]"], "a1122", "12");
}

#[test]
fn squeeze_across_reads() {
    // A run that spans read boundaries squeezes to one byte.
    let mut input = vec![b'a'; 300_000];
    input.extend_from_slice(b"b\n");
    cmd("tr")
        .args(["-s", "a"])
        .stdin(&input)
        .run()
        .ok()
        .out("ab\n");
    let big: Vec<u8> = (0..1_000_000u32)
        .map(|i| b"abcXYZ\n"[(i % 7) as usize])
        .collect();
    let want: Vec<u8> = big.iter().map(|b| b.to_ascii_uppercase()).collect();
    cmd("tr")
        .args(["a-z", "A-Z"])
        .stdin(&big)
        .run()
        .ok()
        .out(&want);
    let want: Vec<u8> = big
        .iter()
        .map(|&b| if b == b'a' { b'q' } else { b })
        .collect();
    cmd("tr").args(["a", "q"]).stdin(&big).run().ok().out(&want);
    // A map of many runs takes the table path.
    let want: Vec<u8> = big
        .iter()
        .map(|&b| match b {
            b'a' => b'c',
            b'b' => b'a',
            b'c' => b'b',
            b'X' => b'z',
            b => b,
        })
        .collect();
    cmd("tr")
        .args(["abcX", "cabz"])
        .stdin(&big)
        .run()
        .ok()
        .out(&want);
}

#[test]
fn operand_errors() {
    cmd("tr").run().status(1).err_has("tr: missing operand\n");
    cmd("tr")
        .args(["-d"])
        .run()
        .status(1)
        .err_has("tr: missing operand\n");
    cmd("tr")
        .arg("a")
        .run()
        .status(1)
        .err_has("tr: missing operand after 'a'\nTwo strings must be given when translating.\n");
    cmd("tr")
        .args(["-ds", "a"])
        .run()
        .status(1)
        .err_has("tr: missing operand after 'a'\nTwo strings must be given when both deleting and squeezing repeats.\n");
    cmd("tr")
        .args(["-d", "a", "b"])
        .run()
        .status(1)
        .err_has("tr: extra operand 'b'\nOnly one string may be given when deleting without squeezing repeats.\n");
    cmd("tr")
        .args(["-d", "a", "b", "c"])
        .run()
        .status(1)
        .err_has("tr: extra operand 'b'\n");
    cmd("tr")
        .args(["a", "b", "c"])
        .run()
        .status(1)
        .err_has("tr: extra operand 'c'\n");
    cmd("tr")
        .args(["-x"])
        .run()
        .status(1)
        .err_has("tr: invalid option -- 'x'\n");
}

#[test]
fn string_errors() {
    fails(
        &["z-a", "x"],
        "tr: range-endpoints of 'z-a' are in reverse collating sequence order\n",
    );
    fails(
        &["\\n-\\a", "x"],
        "tr: range-endpoints of '\\012-\\007' are in reverse collating sequence order\n",
    );
    fails(&["[:foo:]", "x"], "tr: invalid character class 'foo'\n");
    fails(&["[::]", "x"], "tr: missing character class name '[::]'\n");
    fails(
        &["[==]", "x"],
        "tr: missing equivalence class character '[==]'\n",
    );
    fails(
        &["[=ab=]", "x"],
        "tr: ab: equivalence class operand must be a single character\n",
    );
    fails(
        &["a", "[=b=]"],
        "tr: [=c=] expressions may not appear in string2 when translating\n",
    );
    fails(
        &["[a*]", "x"],
        "tr: the [c*] repeat construct may not appear in string1\n",
    );
    fails(
        &["-d", "[a*]"],
        "tr: the [c*] repeat construct may not appear in string1\n",
    );
    fails(
        &["a", "[b*][c*]"],
        "tr: only one [c*] repeat construct may appear in string2\n",
    );
    fails(
        &["-ds", "a", "[l*]"],
        "tr: the [c*] construct may appear in string2 only when translating\n",
    );
    fails(
        &["a", "[x*9x]"],
        "tr: invalid repeat count '9x' in [c*n] construct\n",
    );
    fails(
        &["a", "[x*08]"],
        "tr: invalid repeat count '08' in [c*n] construct\n",
    );
    fails(
        &["a", "[b*99999999999999999999]"],
        "tr: invalid repeat count '99999999999999999999' in [c*n] construct\n",
    );
    fails(
        &["a", "[:digit:]"],
        "tr: when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'\n",
    );
    fails(
        &["-c", "[:alpha:]", "xy"],
        "tr: when translating with complemented character classes,\nstring2 must map all characters in the domain to one\n",
    );
    fails(
        &["a", ""],
        "tr: when not truncating set1, string2 must be non-empty\n",
    );
    fails(
        &["-c", "abc", ""],
        "tr: when not truncating set1, string2 must be non-empty\n",
    );
    fails(
        &["[:upper:]a", "[:lower:]"],
        "tr: when translating with string1 longer than string2,\nthe latter string must not end with a character class\n",
    );
    fails(
        &["-c", "[:lower:]", "[:upper:]"],
        "tr: when translating with string1 longer than string2,\nthe latter string must not end with a character class\n",
    );
    for (s1, s2) in [
        ("abc", "[:upper:]"),
        ("a-z", "[:upper:]"),
        ("[:lower:]", "A[:upper:]"),
        ("a[:lower:]", "[:upper:]x"),
        ("[:digit:]", "[:upper:]"),
    ] {
        fails(
            &[s1, s2],
            "tr: misaligned [:upper:] and/or [:lower:] construct\n",
        );
    }
    fails(
        &["-t", "abc", "[:upper:]"],
        "tr: misaligned [:upper:] and/or [:lower:] construct\n",
    );
}

#[test]
fn output_errors() {
    cmd("tr")
        .args(["a", "b"])
        .stdin("aaa")
        .stdout_full()
        .run()
        .status(1)
        .err("tr: write error: No space left on device\n");
    sh("tr a b < /")
        .run()
        .status(1)
        .err("tr: read error: Is a directory\n");
}
