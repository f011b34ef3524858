//! `--debug`: the program in GNU sed 4.9's canonical form, and the
//! pieces of its execution trace. The compiler renders each command once
//! (into `Program::shown`); the executor prints the trace lines.
//!
//! GNU's forms, as its `--debug` prints them:
//! - the pattern and hold spaces and regexes show a backslash as `\\`,
//!   `\a \f \n \r \t \v` for those controls and `\oNNN` for any other
//!   byte that is not printable ASCII. A byte from 0x80 up shows as the
//!   octal of its sign-extended 32-bit value (`\o37777777703` for 0xc3),
//!   as GNU prints a signed char;
//! - a regex is always between slashes, whatever its delimiter was, with
//!   a slash in it shown as `\/`;
//! - replacement text, `y` strings, `a`/`i`/`c` text and file names are
//!   written as they are, byte for byte.

use super::parse::Part;

/// Appends `b` as GNU's debug output shows a buffer.
pub fn escaped(out: &mut Vec<u8>, b: &[u8]) {
    for &c in b {
        let e = match c {
            b'\\' => b'\\',
            7 => b'a',
            12 => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            11 => b'v',
            0x20..=0x7e => {
                out.push(c);
                continue;
            }
            _ => {
                // GNU passes a signed char to printf's %03o.
                let v = c as i8 as i32 as u32;
                out.extend_from_slice(format!("\\o{v:03o}").as_bytes());
                continue;
            }
        };
        out.push(b'\\');
        out.push(e);
    }
}

/// A regex between slashes, then its `I` and `M` flags (for addresses).
pub fn regex(out: &mut Vec<u8>, text: &[u8], flags: (bool, bool)) {
    out.push(b'/');
    for &c in text {
        if c == b'/' {
            out.extend_from_slice(b"\\/");
        } else {
            escaped(out, std::slice::from_ref(&c));
        }
    }
    out.push(b'/');
    if flags.0 {
        out.push(b'I');
    }
    if flags.1 {
        out.push(b'M');
    }
}

const UPPER: u8 = 1;
const LOWER: u8 = 2;
const UPPER_ONE: u8 = 4;
const LOWER_ONE: u8 = 8;
const ONE: u8 = UPPER_ONE | LOWER_ONE;

/// The replacement of `s`, as GNU shows its compiled form: the text is cut
/// into pieces at each group reference and each case escape, every piece
/// carries the case mode in force, and a mode is written (as one escape)
/// only where it differs from the previous piece's. A reference clears a
/// one-character mode (`\u`, `\l`) after its piece; `\U \L \E` set the
/// mode outright; a mode given at the very end shows nothing.
pub fn replacement(out: &mut Vec<u8>, parts: &[Part]) {
    let mut mode = 0u8;
    let mut shown = 0u8;
    let mut text: Vec<u8> = Vec::new();
    let mut piece = |out: &mut Vec<u8>, text: &mut Vec<u8>, mode: u8, group: Option<usize>| {
        if mode != shown {
            out.push(b'\\');
            out.push(if mode & UPPER_ONE != 0 {
                b'u'
            } else if mode & LOWER_ONE != 0 {
                b'l'
            } else if mode & UPPER != 0 {
                b'U'
            } else if mode & LOWER != 0 {
                b'L'
            } else {
                b'E'
            });
            shown = mode;
        }
        out.append(text);
        match group {
            Some(0) => out.push(b'&'),
            Some(n) => out.extend_from_slice(format!("\\{n}").as_bytes()),
            None => {}
        }
    };
    for p in parts {
        match p {
            Part::Lit(t) => text.extend_from_slice(t),
            Part::Group(n) => {
                piece(out, &mut text, mode, Some(*n));
                mode &= !ONE;
            }
            _ => {
                piece(out, &mut text, mode, None);
                mode = match p {
                    Part::Upper => UPPER,
                    Part::Lower => LOWER,
                    Part::UpperOne => (mode & !ONE) | UPPER_ONE,
                    Part::LowerOne => (mode & !ONE) | LOWER_ONE,
                    _ => 0,
                };
            }
        }
    }
    if !text.is_empty() {
        piece(out, &mut text, mode, None);
    }
}

/// `y/SRC/DST/`. In a UTF-8 locale GNU keeps the pairs as given; in the C
/// locale it keeps a byte table and shows the bytes it changes, in byte
/// order.
pub fn translate(out: &mut Vec<u8>, src: &[u8], dst: &[u8], map: &[u8; 256], utf8: bool) {
    out.extend_from_slice(b"y/");
    if utf8 {
        out.extend_from_slice(src);
        out.push(b'/');
        out.extend_from_slice(dst);
    } else {
        let changed = || (0..=255u8).filter(|&b| map[usize::from(b)] != b);
        out.extend(changed());
        out.push(b'/');
        out.extend(changed().map(|b| map[usize::from(b)]));
    }
    out.push(b'/');
}
