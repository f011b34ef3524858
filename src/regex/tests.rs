use super::*;

fn ere(p: &str) -> Syntax {
    let _ = p;
    Syntax {
        extended: true,
        ..Syntax::default()
    }
}

fn err(p: &str, syn: Syntax) -> String {
    match Pattern::new(p.as_bytes(), syn) {
        Ok(_) => String::from("ok"),
        Err(e) => e,
    }
}

fn m(p: &str, syn: Syntax, t: &str) -> Option<(usize, usize)> {
    Pattern::new(p.as_bytes(), syn)
        .ok()?
        .find_at(t.as_bytes(), 0)
}

#[test]
fn gnu_error_texts() {
    let bre = Syntax::default();
    assert_eq!(err("(a", ere("")), "Unmatched ( or \\(");
    assert_eq!(err("\\(a", bre), "Unmatched ( or \\(");
    assert_eq!(err("a\\)", bre), "Unmatched ) or \\)");
    assert_eq!(err("[a", bre), "Unmatched [, [^, [:, [., or [=");
    assert_eq!(err("[[:alpha:]", bre), "Unmatched [, [^, [:, [., or [=");
    assert_eq!(err("x\\{2,1\\}", bre), "Invalid content of \\{\\}");
    assert_eq!(err("a\\{1", bre), "Unmatched \\{");
    assert_eq!(err("[z-a]", bre), "Invalid range end");
    assert_eq!(err("a\\", bre), "Trailing backslash");
    assert_eq!(err("\\(a\\)\\2", bre), "Invalid back reference");
    assert_eq!(err("[[:foo:]]", bre), "Invalid character class name");
    assert_eq!(err("a{32768}", ere("")), "Regular expression too big");
    assert_eq!(bare_class(b"[:space:]"), Some(&b"space"[..]));
    assert_eq!(bare_class(b"[[:space:]]"), None);
}

#[test]
fn gnu_readings() {
    let bre = Syntax::default();
    let e = ere("");
    // ERE: a `{` that starts no interval is literal; `)` alone is literal;
    // leading repeats repeat nothing.
    assert_eq!(m("a{1", e, "xa{1"), Some((1, 4)));
    assert_eq!(m("a{1,2", e, "a{1,2"), Some((0, 5)));
    assert_eq!(m("a)", e, "a)"), Some((0, 2)));
    assert_eq!(m("*a", e, "xa"), Some((1, 2)));
    assert_eq!(m("a{,2}", e, "aaa"), Some((0, 2)));
    assert_eq!(m("\\(", e, "x("), Some((1, 2)));
    // BRE: leading `*` and `*` after `\(` or `^` are literal; `{` is a
    // literal; `^`/`$` anchor only at the ends.
    assert_eq!(m("*a", bre, "b*a"), Some((1, 3)));
    assert_eq!(m("\\(*a\\)", bre, "*a"), Some((0, 2)));
    assert_eq!(m("^*a", bre, "*a"), Some((0, 2)));
    assert_eq!(m("a{1}", bre, "a{1}"), Some((0, 4)));
    assert_eq!(m("a^b", bre, "a^b"), Some((0, 3)));
    assert_eq!(m("a$b", bre, "a$b"), Some((0, 3)));
    assert_eq!(m("a\\|^b", bre, "b"), Some((0, 1)));
    assert_eq!(m("a**", bre, "aaa"), Some((0, 3)));
    assert_eq!(m("a\\+", bre, "baa"), Some((1, 3)));
    // Leftmost-longest.
    assert_eq!(m("a|ab", e, "xabc"), Some((1, 3)));
    assert_eq!(m("(a|ab)(c|bcd)", e, "abcd"), Some((0, 4)));
    // Brackets: `]` first, backslash literal, classes, case folding.
    assert_eq!(m("[]a]", bre, "x]"), Some((1, 2)));
    assert_eq!(m("[\\n]", bre, "\\"), Some((0, 1)));
    assert_eq!(m("[^[:alpha:]]", bre, "ab1"), Some((2, 3)));
    let i = Syntax { icase: true, ..bre };
    assert_eq!(m("[a-c]X", i, "zBx"), Some((1, 3)));
    // Back-references go to the C library.
    assert_eq!(m("\\(a*\\)b\\1", bre, "xaabaa"), Some((1, 6)));
    assert_eq!(m("(a)\\1", e, "baa"), Some((1, 3)));
    // Words.
    assert_eq!(m("\\<b", bre, "ab b"), Some((3, 4)));
    assert_eq!(m("b\\>", bre, "ba b"), Some((3, 4)));
    assert_eq!(m("\\w\\+", bre, "--ab_1--"), Some((2, 6)));
}

/// Both engines give the same matches on a spread of patterns.
#[test]
fn engines_agree() {
    let pats = [
        "a",
        "a*",
        "ab|a",
        "(a|ab)(bc|c)",
        "x*y*",
        "[[:digit:]]+",
        "^a",
        "a$",
        "(ab)*c",
        "a{2,3}",
        "[^ab]+",
        ".b",
        "(a*)*",
        "(a|b)*abb",
        "[]x-]+",
        "[a^-]+",
        "\\bfoo\\b",
        "\\<o",
        "o\\>",
        "",
        "a|",
        "(|a)+b",
        "[[:punct:]]+",
        "[.].",
        "[[.-.]]+",
        // Repeats of repeats and of assertions, which the C library's
        // syntax cannot say directly (written merged, or dropped).
        "^*a",
        "^+b",
        "b$?",
        "a{1}{2}",
        "a{2}{2}",
        "a{1,2}{2,3}",
        "a+*",
        "a*{2}",
    ];
    let texts = [
        "", "a", "ab", "abc", "aab", "xyzzy", "abbabb", "foo food", "a-b]^x", "12ab34", "o.o", "--",
    ];
    for p in pats {
        let syn = Syntax {
            extended: true,
            ..Syntax::default()
        };
        let pat = Pattern::new(p.as_bytes(), syn).unwrap_or_else(|e| panic!("{p}: {e}"));
        for t in texts {
            let mut s = [None];
            let slow = pat
                .captures_at(t.as_bytes(), 0, &mut s)
                .then_some(s[0])
                .flatten();
            assert_eq!(pat.find_at(t.as_bytes(), 0), slow, "{p:?} on {t:?}");
            assert_eq!(pat.is_match(t.as_bytes()), slow.is_some(), "{p:?} on {t:?}");
        }
    }
}
