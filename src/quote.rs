//! Quoting file names for display the way GNU's `shell-escape-always`
//! style does (`stat %N`, `ls --quoting-style=shell-escape-always`): the
//! result can be pasted back into a shell.
//!
//! Printable names go in single quotes (`'a b'`); one holding a single
//! quote but nothing a double-quoted string would expand goes in double
//! quotes (`"it's"`); bytes that are not printable in the C locale become
//! `$'\n'` or `$'\303'` pieces between quoted runs (`'a'$'\n''b'`).

fn printable(b: u8) -> bool {
    (0x20..0x7f).contains(&b)
}

fn control_escape(b: u8) -> Option<u8> {
    Some(match b {
        7 => b'a',
        8 => b'b',
        b'\t' => b't',
        b'\n' => b'n',
        11 => b'v',
        12 => b'f',
        b'\r' => b'r',
        _ => return None,
    })
}

/// `name` quoted for a shell, always quoted.
pub fn shell_always(name: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(name.len() + 2);
    let all_printable = name.iter().all(|&b| printable(b));
    if all_printable && name.contains(&b'\'') && !name.iter().any(|b| b"\"$`\\!".contains(b)) {
        out.push(b'"');
        out.extend_from_slice(name);
        out.push(b'"');
        return out;
    }
    let mut in_quote = false;
    if name.first().is_some_and(|&b| !printable(b)) {
        // GNU opens with an empty quoted string: ''$'\377'.
        out.extend_from_slice(b"''");
    }
    for &b in name {
        if printable(b) {
            if !in_quote {
                out.push(b'\'');
                in_quote = true;
            }
            if b == b'\'' {
                out.extend_from_slice(b"'\\''");
            } else {
                out.push(b);
            }
        } else {
            if in_quote {
                out.push(b'\'');
                in_quote = false;
            }
            out.extend_from_slice(b"$'\\");
            match control_escape(b) {
                Some(c) => out.push(c),
                None => out.extend_from_slice(format!("{b:03o}").as_bytes()),
            }
            out.push(b'\'');
        }
    }
    if in_quote {
        out.push(b'\'');
    }
    if out.is_empty() {
        out.extend_from_slice(b"''");
    }
    out
}

/// A file name as GNU's `quotef` shows it in `applet: FILE: reason`
/// messages in the C locale: as it is when a shell would read it back as
/// one plain word (and it has no colon), else [`shell_always`].
pub fn file(name: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let special_start = match name {
        [] | [b'{' | b'}'] => true,
        [first, ..] => matches!(first, b'#' | b'~'),
    };
    let plain = !special_start
        && name
            .iter()
            .all(|&b| printable(b) && !b" !\"$&'()*;<=>?[\\^`|:".contains(&b));
    if plain {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(shell_always(name))
    }
}

/// A file name for a message, as GNU quotes one in the C locale
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
    use super::shell_always as q;

    #[test]
    fn file_names_quoted_when_needed() {
        use super::file;
        for plain in [
            "a", "a#", "a~", "a{", "a}", "a]", "a,", "a%", "a+", "a@", "-a", "d/f.txt",
        ] {
            assert_eq!(&*file(plain.as_bytes()), plain.as_bytes(), "{plain}");
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
        ];
        for (name, want) in quoted {
            assert_eq!(&*file(name), *want, "{:?}", String::from_utf8_lossy(name));
        }
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
}
