//! tr: translate, squeeze and delete bytes.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/tr.html
//!
//! Works on bytes in every locale, as GNU tr does (so C and C.UTF-8 give
//! the same answers). Strings take ranges `a-z`, classes `[:alpha:]`,
//! equivalence classes `[=c=]` (the byte itself: the C locale has no
//! others), repeats `[c*n]` (`n` octal when it starts with 0) and `[c*]`
//! (fill up to string1's length, string2 only), and the escapes `\a \b \f
//! \n \r \t \v \\ \NNN`. The checks and their messages are GNU's: which
//! constructs may appear where, `[:upper:]`/`[:lower:]` pairing by
//! position, complemented classes mapping to one byte.
//!
//! The work is a 256-entry table applied in place to large reads.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::{read_fd, Out};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "tr",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-cdst] STRING1 [STRING2]",
    help: "Translate, squeeze and/or delete bytes from standard input to standard output.\n\
\n\
\t-c, -C\tUse the complement of STRING1\n\
\t-d\tDelete bytes in STRING1\n\
\t-s\tSqueeze runs of a byte in the last string given to one\n\
\t-t\tFirst truncate STRING1 to the length of STRING2\n\
\n\
STRINGs take a-z, [:class:], [=c=], [c*n], [c*] (STRING2) and \\NNN \\n \\t ... escapes.",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('c', "complement"),
    Opt::flag('C', ""),
    Opt::flag('d', "delete"),
    Opt::flag('s', "squeeze-repeats"),
    Opt::flag('t', "truncate-set1"),
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Alnum,
    Alpha,
    Blank,
    Cntrl,
    Digit,
    Graph,
    Lower,
    Print,
    Punct,
    Space,
    Upper,
    Xdigit,
}

const CLASSES: &[(&[u8], Class)] = &[
    (b"alnum", Class::Alnum),
    (b"alpha", Class::Alpha),
    (b"blank", Class::Blank),
    (b"cntrl", Class::Cntrl),
    (b"digit", Class::Digit),
    (b"graph", Class::Graph),
    (b"lower", Class::Lower),
    (b"print", Class::Print),
    (b"punct", Class::Punct),
    (b"space", Class::Space),
    (b"upper", Class::Upper),
    (b"xdigit", Class::Xdigit),
];

impl Class {
    /// Membership in the C locale.
    fn has(self, b: u8) -> bool {
        match self {
            Class::Alnum => b.is_ascii_alphanumeric(),
            Class::Alpha => b.is_ascii_alphabetic(),
            Class::Blank => b == b' ' || b == b'\t',
            Class::Cntrl => b.is_ascii_control(),
            Class::Digit => b.is_ascii_digit(),
            Class::Graph => b.is_ascii_graphic(),
            Class::Lower => b.is_ascii_lowercase(),
            Class::Print => b.is_ascii_graphic() || b == b' ',
            Class::Punct => b.is_ascii_punctuation(),
            Class::Space => b == b' ' || (9..=13).contains(&b),
            Class::Upper => b.is_ascii_uppercase(),
            Class::Xdigit => b.is_ascii_hexdigit(),
        }
    }
    fn is_case(self) -> bool {
        matches!(self, Class::Upper | Class::Lower)
    }
}

/// One construct of a string.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Elem {
    Byte(u8),
    Range(u8, u8),
    Class(Class),
    Equiv(u8),
    /// `[c*n]`; `None` is `[c*]` (or `[c*0]`): fill.
    Repeat(u8, Option<usize>),
}

/// A byte of a string after escapes, and whether it was escaped (an
/// escaped `[`, `-` or `]` is never part of a construct).
type Unit = (u8, bool);

fn unescape(s: &[u8], diag: &Diag) -> Vec<Unit> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] != b'\\' {
            out.push((s[i], false));
            i += 1;
            continue;
        }
        let Some(&c) = s.get(i + 1) else {
            diag.warn("warning: an unescaped backslash at end of string is not portable");
            out.push((b'\\', false));
            break;
        };
        i += 2;
        let b = match c {
            b'a' => 7,
            b'b' => 8,
            b'f' => 12,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'v' => 11,
            b'0'..=b'7' => {
                let mut v = u32::from(c - b'0');
                let mut n = 1;
                while n < 3 {
                    match s.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            let w = v * 8 + u32::from(d - b'0');
                            if w > 255 {
                                diag.warn(format_args!(
                                    "warning: the ambiguous octal escape \\{}{}{} is being\n\tinterpreted as the 2-byte sequence \\0{}{}, {}",
                                    c as char,
                                    s[i - 1] as char,
                                    d as char,
                                    c as char,
                                    s[i - 1] as char,
                                    d as char
                                ));
                                break;
                            }
                            v = w;
                            i += 1;
                            n += 1;
                        }
                        _ => break,
                    }
                }
                v as u8
            }
            other => other,
        };
        out.push((b, true));
    }
    out
}

/// A byte as GNU shows it in a message: itself when printable, else `\NNN`.
fn shown(b: u8) -> String {
    if (0x20..0x7f).contains(&b) {
        (b as char).to_string()
    } else {
        format!("\\{b:03o}")
    }
}

fn text(units: &[Unit]) -> String {
    String::from_utf8_lossy(&units.iter().map(|u| u.0).collect::<Vec<u8>>()).into_owned()
}

fn is(u: Option<&Unit>, c: u8) -> bool {
    u == Some(&(c, false))
}

/// Parses a string into its constructs.
fn parse(s: &[u8], diag: &Diag) -> Result<Vec<Elem>, String> {
    let u = unescape(s, diag);
    let mut elems = Vec::new();
    let mut i = 0;
    while i < u.len() {
        if is(u.get(i), b'[') {
            if let Some((e, next)) = bracket(&u, i)? {
                elems.push(e);
                i = next;
                continue;
            }
        }
        let c = u[i].0;
        if is(u.get(i + 1), b'-') && i + 2 < u.len() {
            let d = u[i + 2].0;
            if d < c {
                return Err(format!(
                    "range-endpoints of '{}-{}' are in reverse collating sequence order",
                    shown(c),
                    shown(d)
                ));
            }
            elems.push(Elem::Range(c, d));
            i += 3;
        } else {
            elems.push(Elem::Byte(c));
            i += 1;
        }
    }
    Ok(elems)
}

/// The construct starting with the `[` at `i`, if it is one: the element
/// and the index after it.
fn bracket(u: &[Unit], i: usize) -> Result<Option<(Elem, usize)>, String> {
    // [:class:] and [=c=]
    for delim in [b':', b'='] {
        if !is(u.get(i + 1), delim) {
            continue;
        }
        let close =
            (i + 2..u.len().saturating_sub(1)).find(|&j| is(u.get(j), delim) && is(u.get(j + 1), b']'));
        let Some(j) = close else { continue };
        let inner = &u[i + 2..j];
        if inner.is_empty() {
            let whole = text(&u[i..j + 2]);
            return Err(if delim == b':' {
                format!("missing character class name '{whole}'")
            } else {
                format!("missing equivalence class character '{whole}'")
            });
        }
        let e = if delim == b':' {
            let name: Vec<u8> = inner.iter().map(|x| x.0).collect();
            match CLASSES.iter().find(|(n, _)| *n == &name[..]) {
                Some(&(_, c)) => Elem::Class(c),
                None => return Err(format!("invalid character class '{}'", text(inner))),
            }
        } else if inner.len() > 1 {
            return Err(format!(
                "{}: equivalence class operand must be a single character",
                text(inner)
            ));
        } else {
            Elem::Equiv(inner[0].0)
        };
        return Ok(Some((e, j + 2)));
    }
    // [c*n]: the count runs to an unescaped ']' with no escape on the way.
    if i + 2 < u.len() && is(u.get(i + 2), b'*') {
        let close = (i + 3..u.len()).take_while(|&k| !u[k].1).find(|&k| u[k].0 == b']');
        if let Some(k) = close {
            let digits: Vec<u8> = u[i + 3..k].iter().map(|x| x.0).collect();
            let count = repeat_count(&digits).ok_or_else(|| {
                format!(
                    "invalid repeat count '{}' in [c*n] construct",
                    String::from_utf8_lossy(&digits)
                )
            })?;
            return Ok(Some((Elem::Repeat(u[i + 1].0, count), k + 1)));
        }
    }
    Ok(None)
}

/// `None` inside `Some` is a fill (`[c*]`, `[c*0]`); the outer `None` is
/// an invalid count.
fn repeat_count(d: &[u8]) -> Option<Option<usize>> {
    if d.is_empty() {
        return Some(None);
    }
    let radix = if d[0] == b'0' { 8 } else { 10 };
    let mut n: usize = 0;
    for &b in d {
        let v = (b as char).to_digit(radix)? as usize;
        n = n.checked_mul(radix as usize)?.checked_add(v)?;
    }
    if n > u32::MAX as usize * 4 {
        return None;
    }
    Some(if n == 0 { None } else { Some(n) })
}

/// An expanded string: its bytes, and where each class construct begins.
struct Set {
    bytes: Vec<u8>,
    /// (index into bytes, class) of every class construct.
    classes: Vec<(usize, Class)>,
    last_is_class: bool,
}

fn expand(elems: &[Elem], fill: usize) -> Set {
    let mut set = Set {
        bytes: Vec::new(),
        classes: Vec::new(),
        last_is_class: false,
    };
    for e in elems {
        set.last_is_class = false;
        match *e {
            Elem::Byte(b) | Elem::Equiv(b) => set.bytes.push(b),
            Elem::Range(a, b) => set.bytes.extend(a..=b),
            Elem::Class(c) => {
                set.classes.push((set.bytes.len(), c));
                set.bytes.extend((0..=255u8).filter(|&b| c.has(b)));
                set.last_is_class = true;
            }
            Elem::Repeat(b, n) => {
                // Counts past 16M are cut there to bound memory; only which
                // byte of string2 pairs with a byte of string1 beyond that
                // point could differ from GNU.
                let n = n.unwrap_or(fill).min(1 << 24);
                set.bytes.extend(std::iter::repeat_n(b, n));
            }
        }
    }
    set
}

fn member_table(bytes: &[u8], complement: bool) -> [bool; 256] {
    let mut t = [complement; 256];
    for &b in bytes {
        t[b as usize] = !complement;
    }
    t
}

fn complement_of(bytes: &[u8]) -> Vec<u8> {
    let t = member_table(bytes, true);
    (0..=255u8).filter(|&b| t[b as usize]).collect()
}

struct Plan {
    delete: Option<[bool; 256]>,
    map: Option<[u8; 256]>,
    /// The map as runs of bytes moved by one offset, when there are few.
    runs: Vec<Run>,
    squeeze: Option<[bool; 256]>,
}

fn plan(
    strings: &[&[u8]],
    complement: bool,
    delete: bool,
    squeeze: bool,
    truncate: bool,
    diag: &Diag,
) -> Result<Plan, String> {
    let translating = !delete && strings.len() == 2;
    let e1 = parse(strings[0], diag)?;
    if e1.iter().any(|e| matches!(e, Elem::Repeat(_, None))) {
        return Err("the [c*] repeat construct may not appear in string1".into());
    }
    let s1 = expand(&e1, 0);
    let e2 = match strings.get(1) {
        Some(s) => Some(parse(s, diag)?),
        None => None,
    };
    let mut p = Plan {
        delete: None,
        map: None,
        runs: Vec::new(),
        squeeze: None,
    };
    let Some(e2) = e2 else {
        let t = member_table(&s1.bytes, complement);
        if delete {
            p.delete = Some(t);
        } else {
            p.squeeze = Some(t);
        }
        return Ok(p);
    };
    let fills = e2.iter().filter(|e| matches!(e, Elem::Repeat(_, None))).count();
    if fills > 1 {
        return Err("only one [c*] repeat construct may appear in string2".into());
    }
    if !translating {
        if fills > 0 {
            return Err("the [c*] construct may appear in string2 only when translating".into());
        }
        p.delete = Some(member_table(&s1.bytes, complement));
        p.squeeze = Some(member_table(&expand(&e2, 0).bytes, false));
        return Ok(p);
    }
    if e2.iter().any(|e| matches!(e, Elem::Equiv(_))) {
        return Err("[=c=] expressions may not appear in string2 when translating".into());
    }
    if e2.iter().any(|e| matches!(e, Elem::Class(c) if !c.is_case())) {
        return Err("when translating, the only character classes that may appear in\n\
string2 are 'upper' and 'lower'"
            .into());
    }
    let from = if complement {
        complement_of(&s1.bytes)
    } else {
        s1.bytes.clone()
    };
    let fixed = expand(&e2, 0).bytes.len();
    let mut s2 = expand(&e2, from.len().saturating_sub(fixed));
    // A case class in string2 must start where one starts in string1.
    if !complement {
        // (Past string1's end nothing is paired, so nothing is checked.)
        for &(at, _) in s2.classes.iter().filter(|(_, c)| c.is_case()) {
            if at < from.len() && !s1.classes.iter().any(|&(a, k)| a == at && k.is_case()) {
                return Err("misaligned [:upper:] and/or [:lower:] construct".into());
            }
        }
    }
    let mut from = from;
    if from.len() > s2.bytes.len() {
        if truncate {
            from.truncate(s2.bytes.len());
        } else {
            let Some(&last) = s2.bytes.last() else {
                return Err("when not truncating set1, string2 must be non-empty".into());
            };
            if s2.last_is_class {
                return Err("when translating with string1 longer than string2,\n\
the latter string must not end with a character class"
                    .into());
            }
            s2.bytes.resize(from.len(), last);
        }
    }
    let has_class = e1.iter().any(|e| matches!(e, Elem::Class(_)));
    if complement
        && has_class
        && !(s2.bytes.len() == from.len() && s2.bytes.iter().all(|&b| b == s2.bytes[0]))
    {
        return Err("when translating with complemented character classes,\n\
string2 must map all characters in the domain to one"
            .into());
    }
    let mut map = [0u8; 256];
    for (i, m) in map.iter_mut().enumerate() {
        *m = i as u8;
    }
    for (&a, &b) in from.iter().zip(s2.bytes.iter()) {
        map[a as usize] = b;
    }
    p.runs = runs(&map);
    p.map = Some(map);
    if squeeze {
        p.squeeze = Some(member_table(&s2.bytes, false));
    }
    Ok(p)
}

/// Bytes `lo..=lo+span` become `b + delta` (wrapping).
#[derive(Clone, Copy, Default)]
struct Run {
    lo: u8,
    span: u8,
    delta: u8,
}

/// The map as runs of consecutive bytes sharing one offset.
fn runs(map: &[u8; 256]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut b = 0usize;
    while b < 256 {
        let delta = map[b].wrapping_sub(b as u8);
        if delta == 0 {
            b += 1;
            continue;
        }
        let lo = b;
        while b + 1 < 256 && map[b + 1].wrapping_sub((b + 1) as u8) == delta {
            b += 1;
        }
        out.push(Run {
            lo: lo as u8,
            span: (b - lo) as u8,
            delta,
        });
        b += 1;
    }
    out
}

/// Applies `map` in place. A map of one to three offset runs (`a-z A-Z`,
/// case swaps) is computed 16 bytes at a time with SSE2 compares (the
/// release build is optimised for size, so the compiler would not
/// vectorise a plain loop); other maps and other targets use the table.
fn translate(map: &[u8; 256], runs: &[Run], data: &mut [u8]) {
    #[cfg(target_arch = "x86_64")]
    let data = if (1..=3).contains(&runs.len()) {
        let done = simd::by_runs(runs, data);
        &mut data[done..]
    } else {
        data
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = runs;
    for b in data.iter_mut() {
        *b = map[*b as usize];
    }
}

#[cfg(target_arch = "x86_64")]
mod simd {
    use super::Run;
    use std::arch::x86_64::*;

    /// Translates whole 16-byte blocks of `data` by `runs` (which do not
    /// overlap) and gives how many bytes it did.
    pub fn by_runs(runs: &[Run], data: &mut [u8]) -> usize {
        // SAFETY: SSE2 is part of the x86_64 baseline; every load and store
        // is an unaligned 16-byte access inside `data`.
        unsafe {
            let mut lo = [_mm_setzero_si128(); 3];
            let mut span = [_mm_setzero_si128(); 3];
            let mut delta = [_mm_setzero_si128(); 3];
            for (i, r) in runs.iter().take(3).enumerate() {
                lo[i] = _mm_set1_epi8(r.lo as i8);
                span[i] = _mm_set1_epi8(r.span as i8);
                delta[i] = _mm_set1_epi8(r.delta as i8);
            }
            let n = runs.len().min(3);
            let blocks = data.len() / 16;
            let p = data.as_mut_ptr();
            for k in 0..blocks {
                let at = p.add(k * 16) as *mut __m128i;
                let v = _mm_loadu_si128(at);
                let mut y = v;
                for i in 0..n {
                    let t = _mm_sub_epi8(v, lo[i]);
                    // t <= span (unsigned) exactly when min(t, span) == t.
                    let inside = _mm_cmpeq_epi8(_mm_min_epu8(t, span[i]), t);
                    y = _mm_add_epi8(y, _mm_and_si128(inside, delta[i]));
                }
                _mm_storeu_si128(at, y);
            }
            blocks * 16
        }
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let complement = m.has("c") || m.has("C");
    let delete = m.has("d");
    let squeeze = m.has("s");
    let truncate = m.has("t");
    let n = m.operands.len();
    let shown_op = |i: usize| String::from_utf8_lossy(m.operands[i].as_bytes()).into_owned();
    let max = if delete && !squeeze { 1 } else { 2 };
    if n == 0 {
        return parser.usage_error(args, "missing operand");
    }
    if n > max {
        let mut msg = format!("extra operand '{}'", shown_op(max));
        if n == 2 && delete && !squeeze {
            msg.push_str("\nOnly one string may be given when deleting without squeezing repeats.");
        }
        return parser.usage_error(args, msg);
    }
    if n == 1 && (delete && squeeze || !delete && !squeeze) {
        let why = if delete {
            "Two strings must be given when both deleting and squeezing repeats."
        } else {
            "Two strings must be given when translating."
        };
        return parser.usage_error(
            args,
            format_args!("missing operand after '{}'\n{why}", shown_op(0)),
        );
    }
    let mut diag = Diag::new(args);
    let strings: Vec<&[u8]> = m.operands.iter().map(|s| s.as_bytes()).collect();
    let p = match plan(&strings, complement, delete, squeeze, truncate, &diag) {
        Ok(p) => p,
        Err(msg) => {
            diag.error(msg);
            return 1;
        }
    };
    let mut out = Out::stdout();
    run(&p, &mut out, &mut diag);
    out.close(&diag)
}

fn run(p: &Plan, out: &mut Out, diag: &mut Diag) {
    let mut buf = vec![0u8; 256 * 1024];
    // The last byte written, for squeezing across reads (256: none yet).
    let mut last: u16 = 256;
    loop {
        let n = match read_fd(0, &mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                out.flush_now();
                diag.error(format_args!("read error: {}", diag::strerror(&e)));
                break;
            }
        };
        let data = &mut buf[..n];
        let mut len = n;
        if let Some(del) = &p.delete {
            let mut w = 0;
            for r in 0..len {
                let b = data[r];
                data[w] = b;
                w += usize::from(!del[b as usize]);
            }
            len = w;
        }
        if let Some(map) = &p.map {
            translate(map, &p.runs, &mut data[..len]);
        }
        if let Some(sq) = &p.squeeze {
            // Branch-free: every byte is stored, and the write index only
            // moves past one that does not repeat a squeezed predecessor.
            let mut w = 0;
            for r in 0..len {
                let b = data[r];
                data[w] = b;
                let again = sq[b as usize] & (u16::from(b) == last);
                w += usize::from(!again);
                last = u16::from(b);
            }
            len = w;
        }
        out.write_bytes(&data[..len]);
        if !out.ok() {
            break;
        }
    }
}
