//! Quoting file names and arguments for display as GNU's gnulib
//! `quotearg` does in its shell styles: `shell-escape-always` for
//! messages and `stat %N` (`quoteaf`), `shell-escape` for `xargs -t` and
//! `quotef`, plain `shell` (no escapes) for `diff -r` lines. The result
//! can be pasted back into a shell.
//!
//! A name goes in single quotes (`'a b'`); one holding a single quote but
//! nothing else a double-quoted string would treat specially goes in
//! double quotes (`"it's"`). A run of characters that are not printable
//! in the locale becomes one `$'…'` piece between the quoted parts, with
//! C escapes (`\n`, `\t`) or three octal digits a byte: `'a'$'\303\251''b'`
//! in the C locale, where every byte past ASCII is unprintable. In a UTF-8
//! locale a valid printable character is written as it is (`'aéb'`), and
//! the bytes of invalid UTF-8 are escaped one by one.
//!
//! What is printable past ASCII follows the C library's UTF-8 locales,
//! except that code points Unicode leaves unassigned count as printable
//! (glibc escapes them; oxbox carries no table of them).

use std::borrow::Cow;

/// Whether a valid non-ASCII character is printable: all but the C1
/// controls, the line and paragraph separators and the noncharacters.
fn wide_printable(c: u32) -> bool {
    !((0x80..=0x9f).contains(&c)
        || c == 0x2028
        || c == 0x2029
        || (0xfdd0..=0xfdef).contains(&c)
        || c & 0xfffe == 0xfffe)
}

/// How the shell style shows one character.
enum Shown {
    /// As it is, `len` bytes; `compat`: harmless in double quotes too.
    Plain { len: usize, compat: bool },
    /// As it is, but a shell would see it: quotes are needed.
    Special { compat: bool },
    /// Escaped inside `$'…'`: a C escape letter, or (None) the octal
    /// bytes of a `len`-byte character.
    Escaped { letter: Option<u8>, len: usize },
    /// A single quote: `'\''`.
    Quote,
}

/// How `name[i]` is shown; `escape`: with `$'…'` escapes (else as it is,
/// GNU's plain `shell` style, where only a newline, tab or carriage
/// return makes quotes needed).
fn classify(name: &[u8], i: usize, escape: bool, utf8: bool) -> Shown {
    match classify_escaped(name, i, utf8) {
        Shown::Escaped { letter, len } if !escape => match letter {
            Some(b'n' | b't' | b'r') => Shown::Special { compat: false },
            _ => Shown::Plain { len, compat: false },
        },
        shown => shown,
    }
}

fn classify_escaped(name: &[u8], i: usize, utf8: bool) -> Shown {
    let c = name[i];
    let letter = |l| Shown::Escaped {
        letter: Some(l),
        len: 1,
    };
    match c {
        0 => letter(b'0'),
        7 => letter(b'a'),
        8 => letter(b'b'),
        b'\t' => letter(b't'),
        b'\n' => letter(b'n'),
        11 => letter(b'v'),
        12 => letter(b'f'),
        b'\r' => letter(b'r'),
        // Special only alone (`{`) or first (`#a`); elsewhere gnulib takes
        // them as plain but not as safe in double quotes.
        b'{' | b'}' if name.len() > 1 => Shown::Plain {
            len: 1,
            compat: false,
        },
        b'#' | b'~' if i > 0 => Shown::Plain {
            len: 1,
            compat: false,
        },
        b'{' | b'}' | b'#' | b'~' | b' ' => Shown::Special { compat: true },
        b'!' | b'"' | b'$' | b'&' | b'(' | b')' | b'*' | b';' | b'<' | b'=' | b'>' | b'['
        | b'^' | b'`' | b'|' | b'?' | b'\\' => Shown::Special { compat: false },
        b'\'' => Shown::Quote,
        0x20..=0x7e => Shown::Plain {
            len: 1,
            compat: true,
        },
        0x80.. if utf8 => match crate::text::decode(&name[i..]) {
            Some((w, len)) if wide_printable(w) => Shown::Plain { len, compat: true },
            Some((_, len)) => Shown::Escaped { letter: None, len },
            None => Shown::Escaped {
                letter: None,
                len: 1,
            },
        },
        _ => Shown::Escaped {
            letter: None,
            len: 1,
        },
    }
}

/// gnulib's shell quoting of `name`, with escapes when `escape`
/// (`shell-escape`). `elide`: no quotes when a shell would read the name
/// as one plain word, and then `colon` counts `:` as special too
/// (`quotef`). None when `elide` does not hold, for the caller to quote
/// after all.
fn shell_pass(name: &[u8], escape: bool, elide: bool, colon: bool, utf8: bool) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(name.len() + 2);
    // Whether a `$'` piece is open, to be closed before a plain byte.
    let mut in_dollar = false;
    let mut single_quote = false;
    let mut all_compat = true;
    // gnulib scans a name with a single quote a second time, carrying over
    // whether a `$'` piece was open at the end: a name ending in escapes
    // then starts with `''` after the opening quote (`'''a'\'''$'\303'`
    // for a'\303) or none at all before its first escape
    // (`'\303'\'''$'\303'` for \303'\303). GNU prints that; so does oxbox.
    for pass in 0..2 {
        if !elide {
            out.push(b'\'');
        }
        let mut i = 0;
        while i < name.len() {
            let shown = classify(name, i, escape, utf8);
            match shown {
                Shown::Plain { len, compat } => {
                    if elide && colon && name[i] == b':' {
                        return None;
                    }
                    if in_dollar {
                        out.extend_from_slice(b"''");
                        in_dollar = false;
                    }
                    out.extend_from_slice(&name[i..i + len]);
                    all_compat &= compat;
                    i += len;
                }
                Shown::Special { compat } => {
                    if elide {
                        return None;
                    }
                    if in_dollar {
                        out.extend_from_slice(b"''");
                        in_dollar = false;
                    }
                    out.push(name[i]);
                    all_compat &= compat;
                    i += 1;
                }
                Shown::Quote => {
                    if elide {
                        return None;
                    }
                    single_quote = true;
                    out.extend_from_slice(b"'\\''");
                    in_dollar = false;
                    i += 1;
                }
                Shown::Escaped { letter, len } => {
                    if elide {
                        return None;
                    }
                    if !in_dollar {
                        out.extend_from_slice(b"'$'");
                        in_dollar = true;
                    }
                    match letter {
                        Some(l) => out.extend_from_slice(&[b'\\', l]),
                        None => {
                            for &b in &name[i..i + len] {
                                out.extend_from_slice(&[
                                    b'\\',
                                    b'0' + (b >> 6),
                                    b'0' + ((b >> 3) & 7),
                                    b'0' + (b & 7),
                                ]);
                            }
                        }
                    }
                    all_compat = false;
                    i += len;
                }
            }
        }
        if elide {
            return if out.is_empty() { None } else { Some(out) };
        }
        if !single_quote {
            break;
        }
        if all_compat {
            // Nothing in it is special in double quotes: gnulib's C style.
            let mut c = Vec::with_capacity(name.len() + 2);
            c.push(b'"');
            c.extend_from_slice(name);
            c.push(b'"');
            return Some(c);
        }
        if pass == 0 {
            out.clear();
        }
    }
    out.push(b'\'');
    Some(out)
}

fn shell_escape_in(name: &[u8], colon: bool, utf8: bool) -> Vec<u8> {
    shell_pass(name, true, true, colon, utf8).unwrap_or_else(|| shell_always_in(name, utf8))
}

fn shell_always_in(name: &[u8], utf8: bool) -> Vec<u8> {
    shell_pass(name, true, false, false, utf8).unwrap_or_default()
}

fn shell_in(name: &[u8], utf8: bool) -> Vec<u8> {
    shell_pass(name, false, true, false, utf8)
        .or_else(|| shell_pass(name, false, false, false, utf8))
        .unwrap_or_default()
}

/// `name` for a shell without escapes, bytes as they are: GNU's `shell`
/// style (`diff -r` lines show their options so). Quoted only when a
/// shell would not read it as one plain word.
pub fn shell(name: &[u8]) -> Cow<'_, [u8]> {
    borrowed_if_same(name, shell_in(name, crate::sys::utf8_locale()))
}

/// `name` quoted for a shell, always quoted: GNU's `shell-escape-always`
/// style in the locale's character set (`quoteaf`, `stat %N`).
pub fn shell_always(name: &[u8]) -> Vec<u8> {
    shell_always_in(name, crate::sys::utf8_locale())
}

/// `name` as it is when a shell would read it back as one plain word,
/// else [`shell_always`]: GNU's `shell-escape` style (`xargs -t`).
pub fn shell_escape(name: &[u8]) -> Cow<'_, [u8]> {
    borrowed_if_same(
        name,
        shell_escape_in(name, false, crate::sys::utf8_locale()),
    )
}

fn borrowed_if_same(name: &[u8], q: Vec<u8>) -> Cow<'_, [u8]> {
    if q == name {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(q)
    }
}

/// A file name as GNU's `quotef` shows it in `applet: FILE: reason`
/// messages: [`shell_escape`], with a colon taken as special too.
pub fn file(name: &[u8]) -> Cow<'_, [u8]> {
    borrowed_if_same(name, shell_escape_in(name, true, crate::sys::utf8_locale()))
}

/// A file name for a message, as GNU's `quoteaf` quotes one
/// (`cannot create directory 'a b'`): [`shell_always`] as text.
pub fn msg(name: &[u8]) -> String {
    String::from_utf8_lossy(&shell_always(name)).into_owned()
}

/// [`msg`] for an `OsStr`.
pub fn msg_os(name: &std::ffi::OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    msg(name.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::{shell_always_in, shell_escape_in};

    fn q(name: &[u8]) -> Vec<u8> {
        shell_always_in(name, false)
    }

    #[test]
    fn file_names_quoted_when_needed() {
        let file = |name: &[u8]| shell_escape_in(name, true, false);
        for plain in [
            "a", "a#", "a~", "a{", "a}", "a]", "a,", "a%", "a+", "a@", "-a", "d/f.txt",
        ] {
            assert_eq!(file(plain.as_bytes()), plain.as_bytes(), "{plain}");
        }
        let quoted: &[(&[u8], &[u8])] = &[
            (b"a b", b"'a b'"),
            (b"a=b", b"'a=b'"),
            (b"#a", b"'#a'"),
            (b"~a", b"'~a'"),
            (b"{", b"'{'"),
            (b"}", b"'}'"),
            (b"a!", b"'a!'"),
            (b"a?", b"'a?'"),
            (b"a^", b"'a^'"),
            (b"a[", b"'a['"),
            (b"a:", b"'a:'"),
            (b"a'b", b"\"a'b\""),
            (b"a\"b", b"'a\"b'"),
            (b"a*", b"'a*'"),
            (b"a\nb", b"'a'$'\\n''b'"),
            (b"\xff", b"''$'\\377'"),
            (b"a\xff", b"'a'$'\\377'"),
            (b"", b"''"),
            // The colon counts only for the unquoted form (GNU `cat`).
            (b"a:'", b"\"a:'\""),
        ];
        for (name, want) in quoted {
            assert_eq!(file(name), *want, "{:?}", String::from_utf8_lossy(name));
        }
        // Without the colon rule (`xargs -t`).
        assert_eq!(shell_escape_in(b"a:b", false, false), b"a:b");
    }

    #[test]
    fn styles() {
        assert_eq!(q(b"f"), b"'f'");
        assert_eq!(q(b"sp ace"), b"'sp ace'");
        assert_eq!(q(b"it's"), b"\"it's\"");
        assert_eq!(q(b"a\nb"), b"'a'$'\\n''b'");
        assert_eq!(q(b"\xff"), b"''$'\\377'");
        assert_eq!(q(b"$it's"), b"'$it'\\''s'");
        assert_eq!(q(b""), b"''");
    }

    /// Each case as GNU coreutils 9.1 (`rm` on a missing file, `stat -c
    /// %N`) and findutils 4.9 (`xargs -t`) quote it, with `LC_ALL=C` and
    /// with `LC_ALL=C.UTF-8`.
    const CASES: &[(&[u8], &str, &str)] = &[
        // A run of odd bytes is one $'…' piece.
        (b"\xc3\xa9", r"''$'\303\251'", "'\u{e9}'"),
        (
            b"\xc3\xa9\xc3\xa9",
            r"''$'\303\251\303\251'",
            "'\u{e9}\u{e9}'",
        ),
        (b"a\xc3\xa9b", r"'a'$'\303\251''b'", "'a\u{e9}b'"),
        (b"a\xc3\xa9", r"'a'$'\303\251'", "'a\u{e9}'"),
        (b"\xc3\xa9b", r"''$'\303\251''b'", "'\u{e9}b'"),
        (b"a\xff\xfeb", r"'a'$'\377\376''b'", r"'a'$'\377\376''b'"),
        // C escapes join the run.
        (b"a\n\tb", r"'a'$'\n\t''b'", r"'a'$'\n\t''b'"),
        (b"\t\n", r"''$'\t\n'", r"''$'\t\n'"),
        (b"\n", r"''$'\n'", r"''$'\n'"),
        (
            b"a\xc3\xa9\nb",
            r"'a'$'\303\251\n''b'",
            "'a\u{e9}'$'\\n''b'",
        ),
        (b"a\x01\x02b", r"'a'$'\001\002''b'", r"'a'$'\001\002''b'"),
        (b"\x1b[0m", r"''$'\033''[0m'", r"''$'\033''[0m'"),
        (b"\x7f", r"''$'\177'", r"''$'\177'"),
        (
            b"\x07\x08\x0b\x0c\r",
            r"''$'\a\b\v\f\r'",
            r"''$'\a\b\v\f\r'",
        ),
        // Invalid UTF-8: byte by byte, next to valid characters.
        (b"\xc3", r"''$'\303'", r"''$'\303'"),
        (b"a\xc3b", r"'a'$'\303''b'", r"'a'$'\303''b'"),
        (b"\xc3\xa9\xff", r"''$'\303\251\377'", "'\u{e9}'$'\\377'"),
        (b"x\xc0\x80y", r"'x'$'\300\200''y'", r"'x'$'\300\200''y'"),
        (
            b"x\xed\xa0\x80y",
            r"'x'$'\355\240\200''y'",
            r"'x'$'\355\240\200''y'",
        ),
        (
            b"x\xf4\x90\x80\x80y",
            r"'x'$'\364\220\200\200''y'",
            r"'x'$'\364\220\200\200''y'",
        ),
        // Valid but unprintable characters are escaped whole.
        (b"x\xc2\x85y", r"'x'$'\302\205''y'", r"'x'$'\302\205''y'"),
        (
            b"x\xe2\x80\xa8y",
            r"'x'$'\342\200\250''y'",
            r"'x'$'\342\200\250''y'",
        ),
        (
            b"x\xef\xbf\xbey",
            r"'x'$'\357\277\276''y'",
            r"'x'$'\357\277\276''y'",
        ),
        (b"x\xe2\x80\x8by", r"'x'$'\342\200\213''y'", "'x\u{200b}y'"),
        (b"x\xee\x80\x80y", r"'x'$'\356\200\200''y'", "'x\u{e000}y'"),
        // Single quotes: double quotes when nothing else is special.
        (b"it's", "\"it's\"", "\"it's\""),
        (b"'", "\"'\"", "\"'\""),
        (b"a b'", "\"a b'\"", "\"a b'\""),
        (b"a@'", "\"a@'\"", "\"a@'\""),
        (b"#'", "\"#'\"", "\"#'\""),
        (b"a#'", r"'a#'\'''", r"'a#'\'''"),
        (b"a{'b", r"'a{'\''b'", r"'a{'\''b'"),
        (b"{'", r"'{'\'''", r"'{'\'''"),
        (b"$it's", r"'$it'\''s'", r"'$it'\''s'"),
        (b"a\n'b", r"'a'$'\n'\''b'", r"'a'$'\n'\''b'"),
        (b"a'\nb", r"'a'\'''$'\n''b'", r"'a'\'''$'\n''b'"),
        (b"\n'", r"''$'\n'\'''", r"''$'\n'\'''"),
        (b"\xc3\xa9'", r"''$'\303\251'\'''", "\"\u{e9}'\""),
        (b"\xc3\xa9'b", r"''$'\303\251'\''b'", "\"\u{e9}'b\""),
        // gnulib's second scan of a name with a quote that ends in escapes.
        (b"a'\xc3\xa9", r"'''a'\'''$'\303\251'", "\"a'\u{e9}\""),
        (b"\xc3'\xc3", r"'\303'\'''$'\303'", r"'\303'\'''$'\303'"),
        (b"a:'\xc3", r"'''a:'\'''$'\303'", r"'''a:'\'''$'\303'"),
        // Backslashes need no escape in single quotes.
        (b"a\\b", r"'a\b'", r"'a\b'"),
        (b"", "''", "''"),
    ];

    #[test]
    fn gnu_cases() {
        for &(name, c, utf8) in CASES {
            let shown = String::from_utf8_lossy(name);
            assert_eq!(
                String::from_utf8_lossy(&shell_always_in(name, false)),
                c,
                "C: {shown:?}"
            );
            assert_eq!(
                String::from_utf8_lossy(&shell_always_in(name, true)),
                utf8,
                "UTF-8: {shown:?}"
            );
        }
    }

    #[test]
    fn shell_style_keeps_bytes_as_they_are() {
        // GNU diffutils 3.8 `diff -r -I X d1 d2` lines, in C.
        use super::shell_in;
        let cases: &[(&[u8], &[u8])] = &[
            (b"zz\xc3\xa9\xc3\xa9b", b"zz\xc3\xa9\xc3\xa9b"),
            (b"zz\x01", b"zz\x01"),
            (b"zz\xff", b"zz\xff"),
            (b"q\tq", b"'q\tq'"),
            (b"zz'", b"\"zz'\""),
            (b"zz@'", b"\"zz@'\""),
            (b"$zz'", br"'$zz'\'''"),
            (b"zz\x01'", b"'zz\x01'\\'''"),
            (b"zz\t'", b"'zz\t'\\'''"),
            (b"", b"''"),
        ];
        for (name, want) in cases {
            assert_eq!(
                shell_in(name, false),
                *want,
                "{:?}",
                String::from_utf8_lossy(name)
            );
        }
        // A printable character is harmless in double quotes in UTF-8.
        assert_eq!(shell_in(b"\xc3\xa9'", true), "\"\u{e9}'\"".as_bytes());
        assert_eq!(shell_in(b"\xc3\xa9'", false), b"'\xc3\xa9'\\'''");
    }

    #[test]
    fn shell_escape_elides_quotes_for_plain_words() {
        // GNU xargs -t: `true aéb` in C.UTF-8, quoted in C.
        assert_eq!(
            shell_escape_in(b"a\xc3\xa9b", false, true),
            "a\u{e9}b".as_bytes()
        );
        assert_eq!(
            shell_escape_in(b"\xc3\xa9:", false, true),
            "\u{e9}:".as_bytes()
        );
        assert_eq!(
            shell_escape_in(b"\xc3\xa9:", true, true),
            "'\u{e9}:'".as_bytes()
        );
        assert_eq!(
            shell_escape_in(b"a\xc3\xa9b", false, false),
            br"'a'$'\303\251''b'"
        );
        assert_eq!(shell_escape_in(b"a\xffb", false, true), br"'a'$'\377''b'");
        assert_eq!(
            shell_escape_in(b"x\xe2\x80\x8by", false, true),
            "x\u{200b}y".as_bytes()
        );
        assert_eq!(shell_escape_in(b"", false, true), b"''");
        assert_eq!(shell_escape_in(b"a'", false, false), b"\"a'\"");
    }
}
