//! Backslash escapes shared by `echo`, `printf` and the shell.
//!
//! Three dialects differ only in their octal rule:
//!
//! - [`Style::Echo`] (`echo -e`, `printf %b`): `\0NNN` takes up to three
//!   octal digits after the `0`, and `\NNN` starting with `1`..`7` takes up
//!   to three in all, as GNU, dash and BusyBox do.
//! - [`Style::Format`] (a `printf` format): `\NNN` is one to three octal
//!   digits, the `0` included, as POSIX says.
//!
//! Values above 255 keep their low eight bits, as dash and GNU do (BusyBox
//! stops before the digit that would overflow; POSIX leaves it open). Both
//! know `\a \b \e \f \n \r \t \v \\`, `\xHH` (one or two hex digits), and
//! `\c`, which ends all output. `\"` is a quote in a format, as in GNU.
//! Any other escape, and a backslash at the end, stand for themselves.

/// Which rules apply; see the module documentation.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Style {
    Echo,
    Format,
}

/// What one escape stands for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Escape {
    /// One byte, having used this many bytes after the backslash.
    Byte(u8, usize),
    /// `\c`: produce no more output.
    Stop,
}

fn octal(s: &[u8], max: usize) -> (u32, usize) {
    let mut v = 0u32;
    let mut n = 0;
    while n < max && n < s.len() && (b'0'..=b'7').contains(&s[n]) {
        v = v * 8 + u32::from(s[n] - b'0');
        n += 1;
    }
    (v, n)
}

fn hex_digit(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// Decodes the escape whose text follows a backslash. `s` starts just after
/// the backslash; an unknown escape or an empty `s` gives the backslash
/// itself with nothing used.
pub fn decode(s: &[u8], style: Style) -> Escape {
    let Some(&c) = s.first() else {
        return Escape::Byte(b'\\', 0);
    };
    let simple = match c {
        b'a' => Some(7),
        b'b' => Some(8),
        b'e' => Some(27),
        b'f' => Some(12),
        b'n' => Some(b'\n'),
        b'r' => Some(b'\r'),
        b't' => Some(b'\t'),
        b'v' => Some(11),
        b'\\' => Some(b'\\'),
        b'"' if style == Style::Format => Some(b'"'),
        _ => None,
    };
    if let Some(b) = simple {
        return Escape::Byte(b, 1);
    }
    match c {
        b'c' => Escape::Stop,
        b'x' => {
            let mut v = 0;
            let mut n = 0;
            while n < 2 {
                match s.get(1 + n).copied().and_then(hex_digit) {
                    Some(d) => v = v * 16 + d,
                    None => break,
                }
                n += 1;
            }
            if n == 0 {
                Escape::Byte(b'\\', 0)
            } else {
                Escape::Byte(v as u8, 1 + n)
            }
        }
        b'0' if style == Style::Echo => {
            let (v, n) = octal(&s[1..], 3);
            Escape::Byte(v as u8, 1 + n)
        }
        b'0'..=b'7' => {
            let (v, n) = octal(s, 3);
            Escape::Byte(v as u8, n)
        }
        _ => Escape::Byte(b'\\', 0),
    }
}

/// Appends `s` with its escapes decoded to `out`. Returns false when a `\c`
/// ended it (nothing after it should be printed).
pub fn unescape(s: &[u8], style: Style, out: &mut Vec<u8>) -> bool {
    let mut i = 0;
    while i < s.len() {
        let Some(off) = s[i..].iter().position(|&b| b == b'\\') else {
            out.extend_from_slice(&s[i..]);
            break;
        };
        out.extend_from_slice(&s[i..i + off]);
        i += off + 1;
        match decode(&s[i..], style) {
            Escape::Stop => return false,
            Escape::Byte(b, used) => {
                out.push(b);
                i += used;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn echo(s: &str) -> (Vec<u8>, bool) {
        let mut v = Vec::new();
        let more = unescape(s.as_bytes(), Style::Echo, &mut v);
        (v, more)
    }

    fn format(s: &str) -> Vec<u8> {
        let mut v = Vec::new();
        unescape(s.as_bytes(), Style::Format, &mut v);
        v
    }

    #[test]
    fn simple_escapes() {
        assert_eq!(
            echo(r"\a\b\e\f\n\r\t\v\\").0,
            b"\x07\x08\x1b\x0c\n\r\t\x0b\\"
        );
    }

    #[test]
    fn octal_in_echo_and_format() {
        assert_eq!(echo(r"\0101\101\01\08").0, b"AA\x01\x008");
        assert_eq!(format(r"\101\0101\08"), b"A\x081\x008");
        // Above 255 keeps the low byte, as dash and GNU do.
        assert_eq!(echo(r"\0400").0, b"\0");
        assert_eq!(format(r"\400"), b"\0");
    }

    #[test]
    fn hex() {
        assert_eq!(echo(r"\x41\x4g\x").0, b"A\x04g\\x");
        assert_eq!(format(r"\x414"), b"A4");
    }

    #[test]
    fn unknown_and_trailing_backslash_stay() {
        assert_eq!(echo(r"\q\").0, b"\\q\\");
        assert_eq!(echo(r#"\""#).0, b"\\\"");
        assert_eq!(format(r#"\""#), b"\"");
    }

    #[test]
    fn stop() {
        assert_eq!(echo(r"ab\cde"), (b"ab".to_vec(), false));
        assert_eq!(echo("ab"), (b"ab".to_vec(), true));
    }
}
