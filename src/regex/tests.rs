use super::*;

fn ere(p: &str) -> Syntax {
    let _ = p;
    Syntax {
        extended: true,
        ..Syntax::default()
    }
}

fn err(p: &str, syn: Syntax) -> String {
    match Pattern::new_in(p.as_bytes(), syn, false) {
        Ok(_) => String::from("ok"),
        Err(e) => e,
    }
}

fn m(p: &str, syn: Syntax, t: &str) -> Option<(usize, usize)> {
    Pattern::new_in(p.as_bytes(), syn, false)
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
        let pat = Pattern::new_in(p.as_bytes(), syn, false).unwrap_or_else(|e| panic!("{p}: {e}"));
        agree(&pat, p, &texts);
    }
}

/// `find_at` (the fast engine when there is one) and `captures_at` (the C
/// library's) give the same whole match on each text.
fn agree(pat: &Pattern, p: &str, texts: &[&str]) {
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

/// UTF-8 (utf8 = true): where the locale's characters change a match.
fn u(p: &str, syn: Syntax, t: &[u8]) -> Option<(usize, usize)> {
    Pattern::new_in(p.as_bytes(), syn, true).ok()?.find_at(t, 0)
}

#[test]
fn utf8_characters() {
    let bre = Syntax::default();
    let e = ere("");
    let i = Syntax { icase: true, ..bre };
    let t = "é€x".as_bytes();
    // `.` is one character; the C locale's is one byte.
    assert_eq!(u(".", bre, t), Some((0, 2)));
    assert_eq!(m(".", bre, "é€x"), Some((0, 1)));
    assert_eq!(u("^.$", bre, "€".as_bytes()), Some((0, 3)));
    assert_eq!(u("x.", bre, "x\u{10348}".as_bytes()), Some((0, 5)));
    // An invalid byte is matched by nothing but itself.
    assert_eq!(u("a.b", bre, b"a\xffb"), None);
    assert_eq!(u("a[^x]b", bre, b"a\xffb"), None);
    let raw = Pattern::new_in(b"a\xffb", bre, true).unwrap();
    assert_eq!(raw.find_at(b"xa\xffb", 0), Some((1, 4)));
    assert_eq!(u(".*", bre, b"ab\xe2\x82c"), Some((0, 2)));
    // A repeated letter is the whole letter.
    assert_eq!(u("é*", bre, "éé".as_bytes()), Some((0, 4)));
    assert_eq!(u("é{2}", e, "xééé".as_bytes()), Some((1, 5)));
    // Brackets: characters, ranges by code point, negation, classes.
    assert_eq!(u("[€é]+", e, "x€é".as_bytes()), Some((1, 6)));
    assert_eq!(u("[à-ä]", bre, "éâ".as_bytes()), Some((2, 4)));
    assert_eq!(u("[^a]", bre, "aé".as_bytes()), Some((1, 3)));
    assert_eq!(u("[[:alpha:]]*", bre, "aé1".as_bytes()), Some((0, 3)));
    assert_eq!(u("[[:punct:]]", bre, "a€".as_bytes()), Some((1, 4)));
    assert_eq!(u("[[=é=]]", bre, "eé".as_bytes()), Some((1, 3)));
    assert_eq!(u("[[.é.]]", bre, "eé".as_bytes()), Some((1, 3)));
    assert_eq!(u("\\w*", bre, "ñu-".as_bytes()), Some((0, 3)));
    assert_eq!(u("\\W", bre, "ñ€".as_bytes()), Some((2, 5)));
    // Case folding beyond ASCII.
    assert_eq!(u("é", i, "É".as_bytes()), Some((0, 2)));
    assert_eq!(u("[é]", i, "É".as_bytes()), Some((0, 2)));
    assert_eq!(u("[^é]", i, "Éa".as_bytes()), Some((2, 3)));
    assert_eq!(u("[[:lower:]]", i, "Ä".as_bytes()), Some((0, 2)));
    // Back-references and groups around multi-byte sets.
    assert_eq!(u("\\(.\\)\\1", bre, "aéé".as_bytes()), Some((1, 5)));
    let p = Pattern::new_in(b"\\(.\\)x\\(.\\)", bre, true).unwrap();
    let mut s = [None; 3];
    assert!(p.captures_at("éx€".as_bytes(), 0, &mut s));
    assert_eq!(s, [Some((0, 6)), Some((0, 2)), Some((3, 6))]);
}

/// Both engines agree in UTF-8 too.
#[test]
fn utf8_engines_agree() {
    let pats = [
        ".",
        ".*",
        "..",
        "[^a]+",
        "é+",
        "(é|e)x",
        "[[:alpha:]]+",
        "[^[:alpha:]]",
        "\\w+",
        "\\W",
        "[é-ü]+",
        "a.b",
        "(.)\\1",
        "x*.",
    ];
    let texts = [
        "", "a", "é", "aéb", "€€x", "a\u{ff}b", "ééx", "ü-é", "a€b", "xx",
    ];
    for p in pats {
        let syn = Syntax {
            extended: true,
            ..Syntax::default()
        };
        let pat = Pattern::new_in(p.as_bytes(), syn, true).unwrap_or_else(|e| panic!("{p}: {e}"));
        agree(&pat, p, &texts);
    }
}

#[test]
fn required_literals() {
    let lit = |p: &str, syn| {
        let node = parse::parse(p.as_bytes(), syn, true)
            .unwrap_or_else(|e| panic!("{p}: {e}"))
            .node;
        String::from_utf8(parse::required_literal(&node)).unwrap_or_default()
    };
    let bre = Syntax::default();
    assert_eq!(lit("h.llo", bre), "llo");
    assert_eq!(lit("ab\\(cd\\)e.f", bre), "abcde");
    assert_eq!(lit("^abc$", bre), "abc");
    assert_eq!(lit("x\\bab", bre), "xab");
    assert_eq!(lit("ab*cd", bre), "cd");
    assert_eq!(lit("a\\(bcd\\)\\{2\\}e", bre), "bcd");
    assert_eq!(lit("abc\\|defg", bre), "");
    assert_eq!(lit("a\\(bc\\|d\\)ef", bre), "ef");
    assert_eq!(lit("\\(ab\\)*", bre), "");
    // Folded letters are sets: only what is not a letter is left.
    assert_eq!(lit("ab-12", Syntax { icase: true, ..bre }), "-12");
}

#[test]
fn plain_strings() {
    let lit = |p: &str| {
        let node = parse::parse(p.as_bytes(), Syntax::default(), false).map(|p| p.node);
        node.ok()
            .and_then(|n| parse::as_literal(&n))
            .map(|v| String::from_utf8_lossy(&v).into_owned())
    };
    assert_eq!(lit(" 200 ").as_deref(), Some(" 200 "));
    assert_eq!(lit("a\\(bc\\)d").as_deref(), Some("abcd"));
    assert_eq!(lit("a\\.b").as_deref(), Some("a.b"));
    assert_eq!(lit("a.b"), None);
    assert_eq!(lit("^ab"), None);
    assert_eq!(lit("ab*"), None);
    assert_eq!(lit(""), None);
}

#[test]
fn alternations_of_plain_strings() {
    let lits = |p: &str, extended: bool| {
        let syn = Syntax {
            extended,
            ..Syntax::default()
        };
        let node = parse::parse(p.as_bytes(), syn, false).ok()?.node;
        let mut out = Vec::new();
        parse::as_literals(&node, &mut out)?;
        Some(
            out.iter()
                .map(|v| String::from_utf8_lossy(v).into_owned())
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        lits("DELETE|logout", true),
        Some(vec!["DELETE".into(), "logout".into()])
    );
    assert_eq!(
        lits("a\\|bc\\|d", false),
        Some(vec!["a".into(), "bc".into(), "d".into()])
    );
    assert_eq!(
        lits("(ab|(cd|ef))", true),
        Some(vec!["ab".into(), "cd".into(), "ef".into()])
    );
    assert_eq!(lits("ab", true), Some(vec!["ab".into()]));
    // Not plain: a set, an anchor, an empty branch, a group around a concatenation of alternations.
    assert_eq!(lits("a.|b", true), None);
    assert_eq!(lits("^a|b", true), None);
    assert_eq!(lits("a|", true), None);
    assert_eq!(lits("(a|b)c", true), None);
    // In a BRE `|` is an ordinary byte.
    assert_eq!(lits("a|b", false), Some(vec!["a|b".into()]));
}

/// The automaton finds the C library's matches and submatches (POSIX's
/// rules) on ASCII subjects, from every start.
#[test]
fn automaton_agrees_with_the_c_library() {
    let pats = [
        "a|ab",
        "(a|ab)(c|bcd)",
        "(a*)(b|abc)",
        "(a*)*",
        "(a*)+b",
        "(ab|a)(bc|c)?",
        "x(a{1,3})(a*)",
        "(a?){2}(a)",
        "\\<(\\w+)\\>",
        "\\b(o+)\\b",
        "(\\w)\\B(\\w*)",
        "^(.)|(.)$",
        "(foo|fo)(od|o)",
        "([ab]+)([bc]*)c",
        "()a",
        "a(|b)c",
        "(a|b)*c",
        "((a|b)(c|d))*",
        "(a{2}|b)+",
        "(.)(.)",
        "([^ ]*) ([^ ]*)$",
        "(a*)(a*)",
        "(a+|b+)*",
        "x*(a|xa)",
        "(a*)b(a*)",
        "(ab|b)*(b)",
        "((a)|b)+",
        "(a(b)?)+",
    ];
    let texts = [
        "", "a", "ab", "abc", "abcd", "aab", "xaaaa", "foo food", "ababb", "abbbc", "ac", "abc ab",
        "o oo", "b", "xaxa", "abbab", "aaba", "acbd", "ba ab",
    ];
    // Long ones too: spans of 128 bytes and more are split with tables
    // built backward.
    let long = ["ab".repeat(100), "a".repeat(200), "foo ".repeat(50) + "xaa"];
    let texts: Vec<&str> = texts
        .iter()
        .copied()
        .chain(long.iter().map(|t| t.as_str()))
        .collect();
    let syn = ere("");
    for p in pats {
        let parsed = parse::parse(p.as_bytes(), syn, false).unwrap_or_else(|e| panic!("{p}: {e}"));
        let nfa = nfa::Nfa::new(&parsed.node).expect("no back-references");
        let pat = Pattern::new_in(p.as_bytes(), syn, false).unwrap_or_else(|e| panic!("{p}: {e}"));
        for t in &texts {
            let t = t.as_bytes();
            for start in 0..=t.len() {
                let mut want = vec![None; parsed.groups + 1];
                let found = pat.posix_exec_at(t, start, start > 0, &mut want);
                let mut got = vec![None; parsed.groups + 1];
                let ctx = nfa::Ctx {
                    text: t,
                    start,
                    notbol: start > 0,
                    sep: None,
                    utf8: false,
                    inside: true,
                };
                assert_eq!(
                    nfa.captures(&ctx, start, &mut got),
                    found,
                    "{p:?} on {t:?} from {start}"
                );
                if found {
                    assert_eq!(
                        got,
                        want,
                        "{p:?} on {:?} from {start}",
                        String::from_utf8_lossy(t)
                    );
                }
            }
        }
    }
    // Where musl's matcher is not POSIX's: each group the longest it can
    // be, from the left.
    let parsed = parse::parse(b"(a|ab)(c|bcd)(d*)", syn, false).expect("parses");
    let nfa = nfa::Nfa::new(&parsed.node).expect("no back-references");
    let mut got = [None; 4];
    let ctx = nfa::Ctx {
        text: b"abcd",
        start: 0,
        notbol: false,
        sep: None,
        utf8: false,
        inside: true,
    };
    assert!(nfa.captures(&ctx, 0, &mut got));
    assert_eq!(
        got,
        [Some((0, 4)), Some((0, 2)), Some((2, 3)), Some((3, 4))]
    );
}
