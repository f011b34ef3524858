//! Text in the locale's character set: decoding one UTF-8 character and
//! changing case, for the regex engine's sets, sed's `\U \L \u \l` and
//! awk's `toupper`/`tolower`.

/// The valid multi-byte UTF-8 character at the start of `p`: its code
/// point and length. None for ASCII, an invalid byte or a cut sequence.
pub fn decode(p: &[u8]) -> Option<(u32, usize)> {
    let len = match p.first()? {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let s = std::str::from_utf8(p.get(..len)?).ok()?;
    s.chars().next().map(|c| (c as u32, len))
}

/// `c` in upper or lower case, where that is one character (as the C
/// library's `towupper`: `ß` stays `ß`).
pub fn case_of(c: char, upper: bool) -> char {
    let one = |it: &mut dyn Iterator<Item = char>| match (it.next(), it.next()) {
        (Some(x), None) => x,
        _ => c,
    };
    if upper {
        one(&mut c.to_uppercase())
    } else {
        one(&mut c.to_lowercase())
    }
}

/// Appends the first character of `s` (non-empty) in upper or lower case
/// and returns its length in bytes. In the C locale, and for a byte that
/// starts no valid UTF-8 character, that is one byte, changed only if
/// it is an ASCII letter.
pub fn push_case_one(out: &mut Vec<u8>, s: &[u8], upper: bool, utf8: bool) -> usize {
    let b = s[0];
    if utf8 && b >= 0x80 {
        if let Some(c) = decode(s).and_then(|(v, n)| Some((char::from_u32(v)?, n))) {
            let mut buf = [0u8; 4];
            out.extend_from_slice(case_of(c.0, upper).encode_utf8(&mut buf).as_bytes());
            return c.1;
        }
    }
    out.push(if upper {
        b.to_ascii_uppercase()
    } else {
        b.to_ascii_lowercase()
    });
    1
}

/// Appends all of `s` in upper or lower case.
pub fn push_case(out: &mut Vec<u8>, s: &[u8], upper: bool, utf8: bool) {
    if !utf8 || s.is_ascii() {
        out.extend(s.iter().map(|b| {
            if upper {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            }
        }));
        return;
    }
    let mut i = 0;
    while i < s.len() {
        i += push_case_one(out, &s[i..], upper, utf8);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        let up = |s: &str, utf8| {
            let mut v = Vec::new();
            push_case(&mut v, s.as_bytes(), true, utf8);
            v
        };
        assert_eq!(up("àb€ß", true), "ÀB€ß".as_bytes());
        assert_eq!(up("àb", false), "àB".as_bytes());
        let mut v = Vec::new();
        push_case(&mut v, b"\xc3x\xe9", true, true);
        assert_eq!(v, b"\xc3X\xe9");
        let mut v = Vec::new();
        assert_eq!(push_case_one(&mut v, "Éa".as_bytes(), false, true), 2);
        assert_eq!(v, "é".as_bytes());
    }
}
