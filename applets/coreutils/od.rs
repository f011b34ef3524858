//! od: dump files in octal and other formats (GNU coreutils 9.1).
//!
//! The input is the concatenation of the FILE operands. Each output line
//! shows one block (16 bytes unless `-w`) once per `-t` type, the later
//! types under the first without the offset; fields of all types are padded
//! so that their columns line up. A run of blocks equal to the one before
//! is shown as one `*` line unless `-v`. The last line is the offset after
//! the last byte.
//!
//! Floats are printed as GNU's ftoastr does: `%g` with the fewest digits
//! (at least FLT_DIG, DBL_DIG, LDBL_DIG) that read back as the same value.
//! `long double` (`-t fL`) is the x86 80-bit extended type in a 16-byte
//! slot, converted exactly with a small big-number routine.
//!
//! Traditional offset operands: `od [FILE] [+]OFFSET[.][b]` when no modern
//! option is given (or `--traditional`, which also takes a LABEL). A
//! trailing `.` means decimal as POSIX says (GNU 9.1 refuses it and takes
//! the operand for a file name).

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::{read_fd, Out};
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::os::unix::io::AsRawFd;

pub const APPLET: Applet = Applet {
    name: "od",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[OPTION]... [FILE]... | [-abcdfilosx]... [FILE] [[+]OFFSET[.][b]]",
    help: "Write an unambiguous representation, octal bytes by default, of FILEs
(standard input for none or -) to standard output.

  -A, --address-radix=RADIX   offsets in d, o, x or n (none)
      --endian={big|little}   byte order of multi-byte values
  -j, --skip-bytes=BYTES      skip BYTES input bytes first
  -N, --read-bytes=BYTES      dump at most BYTES input bytes
  -S BYTES, --strings[=BYTES] show only NUL-terminated strings of at least
                              BYTES (3) printable characters
  -t, --format=TYPE           output types (accumulate)
  -v, --output-duplicates     do not use * to mark repeated lines
  -w[BYTES], --width[=BYTES]  BYTES per line (32 without a value)
      --traditional           accept the third form above
  -a -b -c -d -f -i -l -o -s -x  same as -t a, o1, c, u2, fF, dI, dL, o2, d2, x2
                              (also -D u4, -e/-F fD, -H/-X x4, -I/-L dL, -O o4,
                              -B o2, -h x2)

TYPE: a (named character), c (character or escape), d[SIZE] (signed),
f[SIZE] (float), o[SIZE] (octal), u[SIZE] (unsigned), x[SIZE] (hex);
SIZE is 1 2 4 8 or C S I L for integers, 4 8 16 or F D L for floats.
A z suffix adds the printable characters at the end of each line.
BYTES may be hex with 0x, octal with 0, and have a suffix b (512), K, KB,
KiB, M, ... (1024 or 1000 powers).",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::value('A', "address-radix"),
    Opt::value('j', ""),
    Opt::value('\0', "skip-bytes"),
    Opt::value('N', ""),
    Opt::value('\0', "read-bytes"),
    Opt::value('S', ""),
    Opt::optional('\0', "strings"),
    Opt::value('t', "format"),
    Opt::flag('v', "output-duplicates"),
    Opt::optional('w', "width"),
    Opt::flag('\0', "traditional"),
    Opt::value('\0', "endian"),
    Opt::flag('a', ""),
    Opt::flag('b', ""),
    Opt::flag('c', ""),
    Opt::flag('D', ""),
    Opt::flag('d', ""),
    Opt::flag('e', ""),
    Opt::flag('F', ""),
    Opt::flag('f', ""),
    Opt::flag('H', ""),
    Opt::flag('X', ""),
    Opt::flag('i', ""),
    Opt::flag('I', ""),
    Opt::flag('L', ""),
    Opt::flag('l', ""),
    Opt::flag('O', ""),
    Opt::flag('B', ""),
    Opt::flag('o', ""),
    Opt::flag('s', ""),
    Opt::flag('h', ""),
    Opt::flag('x', ""),
];

/// The `-t` type a legacy option letter stands for.
fn legacy(c: u8) -> Option<&'static str> {
    Some(match c {
        b'a' => "a",
        b'b' => "o1",
        b'c' => "c",
        b'D' => "u4",
        b'd' => "u2",
        b'e' | b'F' => "fD",
        b'f' => "fF",
        b'H' | b'X' => "x4",
        b'i' => "dI",
        b'I' | b'L' | b'l' => "dL",
        b'O' => "o4",
        b'B' | b'o' => "o2",
        b's' => "d2",
        b'h' | b'x' => "x2",
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Signed,
    Unsigned,
    Octal,
    Hex,
    Float,
    Named,
    Char,
}

#[derive(Clone, Copy)]
struct Spec {
    kind: Kind,
    size: usize,
    width: usize,
    pad: usize,
    trailer: bool,
}

fn int_width(kind: Kind, size: usize) -> usize {
    let i = match size {
        1 => 0,
        2 => 1,
        4 => 2,
        _ => 3,
    };
    match kind {
        Kind::Signed => [4, 6, 11, 20][i],
        Kind::Unsigned => [3, 5, 10, 20][i],
        Kind::Octal => [3, 6, 11, 22][i],
        _ => [2, 4, 8, 16][i],
    }
}

/// Decodes one `-t` argument into specs, or gives GNU's message.
fn decode_types(arg: &[u8], specs: &mut Vec<Spec>) -> Result<(), String> {
    let shown = String::from_utf8_lossy(arg);
    let mut s = arg;
    while let Some(&c) = s.first() {
        s = &s[1..];
        let (kind, size) = match c {
            b'd' | b'o' | b'u' | b'x' => {
                let kind = match c {
                    b'd' => Kind::Signed,
                    b'o' => Kind::Octal,
                    b'u' => Kind::Unsigned,
                    _ => Kind::Hex,
                };
                let size = match s.first() {
                    Some(b'C') => 1,
                    Some(b'S') => 2,
                    Some(b'I') => 4,
                    Some(b'L') => 8,
                    _ => 0,
                };
                let size = if size != 0 {
                    s = &s[1..];
                    size
                } else {
                    let (n, rest) = digits(s).ok_or_else(|| format!("invalid type string '{shown}'"))?;
                    match n {
                        None => 4,
                        Some(n @ (1 | 2 | 4 | 8)) => {
                            s = rest;
                            n
                        }
                        Some(n) => {
                            return Err(format!(
                                "invalid type string '{shown}';\nthis system doesn't provide a {n}-byte integral type"
                            ))
                        }
                    }
                };
                (kind, size)
            }
            b'f' => {
                let size = match s.first() {
                    Some(b'F') => 4,
                    Some(b'D') => 8,
                    Some(b'L') => 16,
                    _ => 0,
                };
                let size = if size != 0 {
                    s = &s[1..];
                    size
                } else {
                    let (n, rest) = digits(s).ok_or_else(|| format!("invalid type string '{shown}'"))?;
                    match n {
                        None => 8,
                        Some(n @ (4 | 8 | 16)) => {
                            s = rest;
                            n
                        }
                        Some(n) => {
                            return Err(format!(
                                "invalid type string '{shown}';\nthis system doesn't provide a {n}-byte floating point type"
                            ))
                        }
                    }
                };
                (Kind::Float, size)
            }
            b'a' => (Kind::Named, 1),
            b'c' => (Kind::Char, 1),
            _ => {
                return Err(format!(
                    "invalid character '{}' in type string '{shown}'",
                    String::from_utf8_lossy(&[c])
                ))
            }
        };
        let width = match kind {
            Kind::Named | Kind::Char => 3,
            Kind::Float => match size {
                4 => 15,
                8 => 24,
                _ => 29,
            },
            _ => int_width(kind, size),
        };
        let trailer = s.first() == Some(&b'z');
        if trailer {
            s = &s[1..];
        }
        specs.push(Spec {
            kind,
            size,
            width,
            pad: 0,
            trailer,
        });
    }
    Ok(())
}

/// A run of decimal digits at the start of `s`: None inside when there is
/// none; the outer None when the number overflows.
fn digits(s: &[u8]) -> Option<(Option<usize>, &[u8])> {
    let n = s.iter().take_while(|b| b.is_ascii_digit()).count();
    if n == 0 {
        return Some((None, s));
    }
    let mut v: usize = 0;
    for &b in &s[..n] {
        v = v.checked_mul(10)?.checked_add(usize::from(b - b'0'))?;
        if v > i32::MAX as usize {
            return None;
        }
    }
    Some((Some(v), &s[n..]))
}

enum NumError {
    Invalid,
    Suffix,
    TooLarge,
}

/// GNU's xstrtoumax with base 0 and od's suffixes: `0x` hex, leading `0`
/// octal, then b (512), K/k, M/m, G, T, P, E, Z, Y, R, Q with an optional
/// `B` (powers of 1000) or `iB`.
fn parse_count(s: &[u8]) -> Result<u64, NumError> {
    let (radix, body) = if s.len() > 2 && s[0] == b'0' && (s[1] == b'x' || s[1] == b'X') && s[2].is_ascii_hexdigit() {
        (16, &s[2..])
    } else if s.first() == Some(&b'0') {
        (8, s)
    } else {
        (10, s)
    };
    let n = body.iter().take_while(|b| (**b as char).is_digit(radix)).count();
    if n == 0 {
        return Err(NumError::Invalid);
    }
    let mut v: u64 = 0;
    let mut over = false;
    for &b in &body[..n] {
        let d = u64::from((b as char).to_digit(radix).unwrap_or(0));
        match v.checked_mul(u64::from(radix)).and_then(|x| x.checked_add(d)) {
            Some(x) => v = x,
            None => over = true,
        }
    }
    let suffix = &body[n..];
    if suffix.is_empty() {
        return if over { Err(NumError::TooLarge) } else { Ok(v) };
    }
    let (base, extra): (u64, usize) = match &suffix[1..] {
        [b'i', b'B', ..] => (1024, 2),
        [b'B', ..] | [b'D', ..] => (1000, 1),
        _ => (1024, 0),
    };
    let power = match suffix[0] {
        b'b' => {
            if extra != 0 {
                return Err(NumError::Suffix);
            }
            0
        }
        b'K' | b'k' => 1,
        b'M' | b'm' => 2,
        b'G' => 3,
        b'T' => 4,
        b'P' => 5,
        b'E' => 6,
        b'Z' => 7,
        b'Y' => 8,
        b'R' => 9,
        b'Q' => 10,
        _ => return Err(NumError::Suffix),
    };
    if suffix.len() != 1 + extra {
        return Err(NumError::Suffix);
    }
    let mult = if power == 0 { Some(512) } else { base.checked_pow(power) };
    match mult.and_then(|m| v.checked_mul(m)) {
        Some(x) if !over => Ok(x),
        _ => Err(NumError::TooLarge),
    }
}

/// A traditional offset operand: `[+]N[.][b|B]`, octal unless it has a
/// `.` (decimal) or `0x` (hex).
fn parse_old_offset(s: &[u8]) -> Option<u64> {
    let s = s.strip_prefix(b"+").unwrap_or(s);
    let (s, mult) = match s.last() {
        Some(b'b') => (&s[..s.len() - 1], 512),
        Some(b'B') => (&s[..s.len() - 1], 1024),
        _ => (s, 1),
    };
    let (radix, body) = if let Some(d) = s.strip_suffix(b".") {
        (10, d)
    } else if s.len() > 2 && s[0] == b'0' && (s[1] == b'x' || s[1] == b'X') {
        (16, &s[2..])
    } else {
        (8, s)
    };
    if body.is_empty() || !body.iter().all(|b| (*b as char).is_digit(radix)) {
        return None;
    }
    let text = std::str::from_utf8(body).ok()?;
    u64::from_str_radix(text, radix).ok()?.checked_mul(mult)
}

/// The concatenation of the input files.
struct Chain<'a> {
    names: &'a [OsString],
    next: usize,
    cur: Option<(Option<File>, &'a OsStr)>,
    ok: bool,
}

impl<'a> Chain<'a> {
    fn new(names: &'a [OsString]) -> Chain<'a> {
        Chain {
            names,
            next: 0,
            cur: None,
            ok: true,
        }
    }

    fn shown(name: &OsStr) -> &OsStr {
        if name.as_bytes() == b"-" {
            OsStr::new("standard input")
        } else {
            name
        }
    }

    /// Makes the next openable file current; false at the end.
    fn open_next(&mut self, diag: &mut Diag) -> bool {
        while self.next < self.names.len() {
            let name = &self.names[self.next];
            self.next += 1;
            if name.as_bytes() == b"-" {
                self.cur = Some((None, name));
                return true;
            }
            match File::open(name) {
                Ok(f) => {
                    self.cur = Some((Some(f), name));
                    return true;
                }
                Err(e) => {
                    diag.io_error(name, &e);
                    self.ok = false;
                }
            }
        }
        self.cur = None;
        false
    }

    fn fd(&self) -> i32 {
        match &self.cur {
            Some((Some(f), _)) => f.as_raw_fd(),
            _ => 0,
        }
    }

    /// Fills `buf` from the files in turn; gives how much was read (less
    /// only at the end of the last file).
    fn read(&mut self, buf: &mut [u8], diag: &mut Diag) -> usize {
        let mut got = 0;
        while got < buf.len() {
            if self.cur.is_none() && !self.open_next(diag) {
                break;
            }
            match read_fd(self.fd(), &mut buf[got..]) {
                Ok(0) => self.cur = None,
                Ok(n) => got += n,
                Err(e) => {
                    if let Some((_, name)) = self.cur {
                        diag.io_error(Self::shown(name), &e);
                    }
                    self.ok = false;
                    self.cur = None;
                }
            }
        }
        got
    }

    /// Skips `n` bytes, seeking in regular files whose size can be trusted.
    /// Gives the bytes that could not be skipped.
    fn skip(&mut self, mut n: u64, diag: &mut Diag) -> u64 {
        let mut buf = vec![0u8; 64 * 1024];
        while n > 0 {
            if self.cur.is_none() && !self.open_next(diag) {
                break;
            }
            if let Some((Some(f), _)) = &self.cur {
                if let Ok(md) = f.metadata() {
                    if md.is_file() && md.size() > md.blksize() {
                        // SAFETY: lseek on an open descriptor.
                        let pos = unsafe { libc::lseek(f.as_raw_fd(), 0, libc::SEEK_CUR) };
                        let left = md.size().saturating_sub(pos.max(0) as u64);
                        if left < n {
                            n -= left;
                            self.cur = None;
                            continue;
                        }
                        // SAFETY: as above.
                        unsafe { libc::lseek(f.as_raw_fd(), n as libc::off_t, libc::SEEK_CUR) };
                        return 0;
                    }
                }
            }
            let want = n.min(buf.len() as u64) as usize;
            match read_fd(self.fd(), &mut buf[..want]) {
                Ok(0) => self.cur = None,
                Ok(k) => n -= k as u64,
                Err(e) => {
                    if let Some((_, name)) = self.cur {
                        diag.io_error(Self::shown(name), &e);
                    }
                    self.ok = false;
                    self.cur = None;
                }
            }
        }
        n
    }

    /// One byte, or None at the end of all input.
    fn byte(&mut self, diag: &mut Diag, buf: &mut Vec<u8>, pos: &mut usize) -> Option<u8> {
        if *pos >= buf.len() {
            buf.resize(64 * 1024, 0);
            let n = self.read_some(buf, diag);
            buf.truncate(n);
            *pos = 0;
            if n == 0 {
                return None;
            }
        }
        *pos += 1;
        Some(buf[*pos - 1])
    }

    /// One read that gives at least a byte unless at the end.
    fn read_some(&mut self, buf: &mut [u8], diag: &mut Diag) -> usize {
        loop {
            if self.cur.is_none() && !self.open_next(diag) {
                return 0;
            }
            match read_fd(self.fd(), buf) {
                Ok(0) => self.cur = None,
                Ok(n) => return n,
                Err(e) => {
                    if let Some((_, name)) = self.cur {
                        diag.io_error(Self::shown(name), &e);
                    }
                    self.ok = false;
                    self.cur = None;
                }
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Radix {
    Oct,
    Dec,
    Hex,
    None,
}

struct Addr {
    radix: Radix,
    pad: usize,
    /// The traditional pseudo-address minus the skip, when a label is given.
    label: Option<u64>,
}

impl Addr {
    fn num(&self, out: &mut Vec<u8>, a: u64, radix: Radix) {
        let s = match radix {
            Radix::Oct => format!("{a:o}"),
            Radix::Dec => format!("{a}"),
            _ => format!("{a:x}"),
        };
        for _ in s.len()..self.pad {
            out.push(b'0');
        }
        out.extend_from_slice(s.as_bytes());
    }

    /// The offset at the start of a line (`last`: the final line).
    fn put(&self, out: &mut Vec<u8>, a: u64, last: bool) {
        match (self.radix, self.label) {
            (Radix::None, None) => {}
            (Radix::None, Some(_)) => {
                // GNU shows the real offset here, not the label.
                out.push(b'(');
                self.num(out, a, Radix::Oct);
                out.push(b')');
                if last {
                    out.push(b'\n');
                }
            }
            (r, label) => {
                self.num(out, a, r);
                if let Some(l) = label {
                    out.extend_from_slice(b" (");
                    self.num(out, a.wrapping_add(l), r);
                    out.push(b')');
                }
                if last {
                    out.push(b'\n');
                }
            }
        }
    }

    fn width(&self) -> usize {
        match (self.radix, self.label) {
            (Radix::None, None) => 0,
            (Radix::None, Some(_)) => self.pad + 2,
            (_, None) => self.pad,
            (_, Some(_)) => 2 * self.pad + 3,
        }
    }
}

const CHARNAMES: [&str; 33] = [
    "nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl", "vt", "ff", "cr",
    "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", "em", "sub",
    "esc", "fs", "gs", "rs", "us", "sp",
];

fn pad_to(out: &mut Vec<u8>, width: usize, s: &[u8]) {
    for _ in s.len()..width {
        out.push(b' ');
    }
    out.extend_from_slice(s);
}

fn value(bytes: &[u8], big: bool) -> u64 {
    let mut v: u64 = 0;
    if big {
        for &b in bytes {
            v = (v << 8) | u64::from(b);
        }
    } else {
        for &b in bytes.iter().rev() {
            v = (v << 8) | u64::from(b);
        }
    }
    v
}

/// One field's text.
fn field(spec: &Spec, bytes: &[u8], big: bool, text: &mut Vec<u8>) {
    use std::io::Write;
    text.clear();
    match spec.kind {
        Kind::Named => {
            let c = bytes[0] & 0x7f;
            if c == 127 {
                text.extend_from_slice(b"del");
            } else if c <= 32 {
                text.extend_from_slice(CHARNAMES[c as usize].as_bytes());
            } else {
                text.push(c);
            }
        }
        Kind::Char => {
            let c = bytes[0];
            let esc: &[u8] = match c {
                0 => b"\\0",
                7 => b"\\a",
                8 => b"\\b",
                12 => b"\\f",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                11 => b"\\v",
                _ => b"",
            };
            if !esc.is_empty() {
                text.extend_from_slice(esc);
            } else if (32..127).contains(&c) {
                text.push(c);
            } else {
                let _ = write!(text, "{c:03o}");
            }
        }
        Kind::Float => {
            let mut b = [0u8; 16];
            b[..spec.size].copy_from_slice(bytes);
            if big {
                b[..spec.size].reverse();
            }
            match spec.size {
                4 => float_text(f64::from(f32::from_le_bytes([b[0], b[1], b[2], b[3]])), true, text),
                8 => {
                    let mut a = [0u8; 8];
                    a.copy_from_slice(&b[..8]);
                    float_text(f64::from_le_bytes(a), false, text)
                }
                _ => long_double_text(&b, text),
            }
        }
        kind => {
            let v = value(bytes, big);
            let w = int_width(kind, spec.size);
            let _ = match kind {
                Kind::Signed => {
                    let shift = 64 - 8 * spec.size as u32;
                    write!(text, "{}", ((v << shift) as i64) >> shift)
                }
                Kind::Unsigned => write!(text, "{v}"),
                Kind::Octal => write!(text, "{v:0w$o}"),
                _ => write!(text, "{v:0w$x}"),
            };
        }
    }
}

/// C's `%.{p}g` from rounded significant digits and the decimal exponent
/// of the first one.
fn g_format(digits: &[u8], exp: i32, p: usize, neg: bool, out: &mut Vec<u8>) {
    if neg {
        out.push(b'-');
    }
    let mut d: Vec<u8> = digits.to_vec();
    d.resize(p, b'0');
    if exp < -4 || exp >= p as i32 {
        while d.len() > 1 && d.last() == Some(&b'0') {
            d.pop();
        }
        out.push(d[0]);
        if d.len() > 1 {
            out.push(b'.');
            out.extend_from_slice(&d[1..]);
        }
        out.push(b'e');
        out.push(if exp < 0 { b'-' } else { b'+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push(b'0');
        }
        out.extend_from_slice(e.to_string().as_bytes());
    } else {
        // Fixed notation with p - 1 - exp decimals, trailing zeros dropped.
        let (int, frac): (Vec<u8>, Vec<u8>) = if exp >= 0 {
            let k = exp as usize + 1;
            (d[..k].to_vec(), d[k..].to_vec())
        } else {
            let mut f = vec![b'0'; (-exp - 1) as usize];
            f.extend_from_slice(&d);
            (b"0".to_vec(), f)
        };
        let mut frac = frac;
        while frac.last() == Some(&b'0') {
            frac.pop();
        }
        out.extend_from_slice(&int);
        if !frac.is_empty() {
            out.push(b'.');
            out.extend_from_slice(&frac);
        }
    }
}

/// The shortest `%g` (from FLT_DIG or DBL_DIG digits up) that reads back
/// as `x`.
fn float_text(x: f64, single: bool, out: &mut Vec<u8>) {
    if x.is_nan() {
        out.extend_from_slice(if x.is_sign_negative() { b"-nan" } else { b"nan" });
        return;
    }
    if x.is_infinite() {
        out.extend_from_slice(if x < 0.0 { b"-inf" } else { b"inf" });
        return;
    }
    let (min, dig, max) = if single {
        (f64::from(f32::MIN_POSITIVE), 6, 9)
    } else {
        (f64::MIN_POSITIVE, 15, 17)
    };
    let start = if x.abs() < min { 1 } else { dig };
    for p in start..=max {
        let s = format!("{:.*e}", p - 1, x.abs());
        let back_ok = if single {
            s.parse::<f32>().ok() == Some(x.abs() as f32)
        } else {
            s.parse::<f64>().ok() == Some(x.abs())
        };
        if back_ok || p == max {
            let (mant, e) = s.split_once('e').unwrap_or((&s, "0"));
            let digits: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
            let exp: i32 = e.parse().unwrap_or(0);
            g_format(&digits, exp, p, x.is_sign_negative(), out);
            return;
        }
    }
}

/// An exact decimal: digits without leading zeros and the exponent of
/// the first digit (`digits` empty for zero).
struct Decimal {
    digits: Vec<u8>,
    exp: i32,
}

/// The exact decimal value of `m * 2^e`.
fn exact(m: u128, e: i32) -> Decimal {
    // Big number in base 1e9, least significant limb first.
    const BASE: u64 = 1_000_000_000;
    let mut limbs: Vec<u64> = Vec::new();
    let mut v = m;
    while v > 0 {
        limbs.push((v % u128::from(BASE)) as u64);
        v /= u128::from(BASE);
    }
    let mul = |limbs: &mut Vec<u64>, k: u64| {
        let mut carry = 0u64;
        for l in limbs.iter_mut() {
            let t = *l * k + carry;
            *l = t % BASE;
            carry = t / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
    };
    let mut shift10 = 0i32;
    if e >= 0 {
        let mut left = e;
        while left > 0 {
            let k = left.min(29);
            mul(&mut limbs, 1 << k);
            left -= k;
        }
    } else {
        let mut left = -e;
        while left > 0 {
            let k = left.min(13);
            mul(&mut limbs, 5u64.pow(k as u32));
            left -= k;
        }
        shift10 = e;
    }
    let mut digits = Vec::new();
    for (i, l) in limbs.iter().rev().enumerate() {
        if i == 0 {
            digits.extend_from_slice(l.to_string().as_bytes());
        } else {
            digits.extend_from_slice(format!("{l:09}").as_bytes());
        }
    }
    let exp = digits.len() as i32 - 1 + shift10;
    Decimal { digits, exp }
}

fn cmp_dec(a: &Decimal, b: &Decimal) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match (a.digits.is_empty(), b.digits.is_empty()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Less,
        (false, true) => return Ordering::Greater,
        _ => {}
    }
    if a.exp != b.exp {
        return a.exp.cmp(&b.exp);
    }
    let n = a.digits.len().max(b.digits.len());
    for i in 0..n {
        let x = a.digits.get(i).copied().unwrap_or(b'0');
        let y = b.digits.get(i).copied().unwrap_or(b'0');
        if x != y {
            return x.cmp(&y);
        }
    }
    Ordering::Equal
}

/// `d` rounded half-even to `p` significant digits.
fn round_dec(d: &Decimal, p: usize) -> Decimal {
    if d.digits.len() <= p {
        return Decimal {
            digits: d.digits.clone(),
            exp: d.exp,
        };
    }
    let mut digits = d.digits[..p].to_vec();
    let next = d.digits[p];
    let rest_zero = d.digits[p + 1..].iter().all(|&c| c == b'0');
    let odd = (digits[p - 1] - b'0') % 2 == 1;
    let up = next > b'5' || (next == b'5' && (!rest_zero || odd));
    let mut exp = d.exp;
    if up {
        let mut i = p;
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                digits.pop();
                exp += 1;
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    Decimal { digits, exp }
}

/// An x86 80-bit `long double` as ftoastr prints it.
fn long_double_text(b: &[u8; 16], out: &mut Vec<u8>) {
    let neg = b[9] & 0x80 != 0;
    let bexp = (i32::from(b[9] & 0x7f) << 8) | i32::from(b[8]);
    let mut mb = [0u8; 8];
    mb.copy_from_slice(&b[..8]);
    let mut m = u64::from_le_bytes(mb);
    // glibc's printf ignores the integer bit of a pseudo-denormal, so the
    // digits never read back as the same value and GNU shows all 21.
    let pseudo = bexp == 0 && m >> 63 == 1;
    if pseudo {
        m &= !(1 << 63);
    }
    let sign: &[u8] = if neg { b"-" } else { b"" };
    let top = m >> 63 == 1;
    if bexp == 0x7fff || (bexp != 0 && !top) {
        out.extend_from_slice(sign);
        if bexp == 0x7fff && m == 1 << 63 {
            out.extend_from_slice(b"inf");
        } else {
            out.extend_from_slice(b"nan");
        }
        return;
    }
    if m == 0 {
        out.extend_from_slice(sign);
        out.push(b'0');
        return;
    }
    let e = if bexp == 0 { 1 - 16383 - 63 } else { bexp - 16383 - 63 };
    let x = exact(u128::from(m), e);
    let m2 = u128::from(m);
    let lo = if m == 1 << 63 && bexp > 1 {
        exact(4 * m2 - 1, e - 2)
    } else {
        exact(2 * m2 - 1, e - 1)
    };
    let hi = exact(2 * m2 + 1, e - 1);
    let even = m % 2 == 0;
    let start = if pseudo {
        21
    } else if bexp == 0 {
        1
    } else {
        18
    };
    for p in start..=21 {
        let d = round_dec(&x, p);
        let above = cmp_dec(&d, &lo);
        let below = cmp_dec(&d, &hi);
        use std::cmp::Ordering::*;
        let fits = (above == Greater || (above == Equal && even))
            && (below == Less || (below == Equal && even));
        if fits || p == 21 {
            g_format(&d.digits, d.exp, p, neg, out);
            return;
        }
    }
}

struct Dumper {
    specs: Vec<Spec>,
    per_line: usize,
    lcm: usize,
    big: bool,
    addr: Addr,
    dedup: bool,
    prev: Vec<u8>,
    first: bool,
    starred: bool,
    line: Vec<u8>,
    text: Vec<u8>,
}

impl Dumper {
    /// Writes one block (`data` is padded with zeros to a multiple of
    /// every type's size).
    fn block(&mut self, offset: u64, data: &[u8], out: &mut Out) {
        let n = data.len();
        if self.dedup && !self.first && n == self.per_line && data == &self.prev[..] {
            if !self.starred {
                out.write_bytes(b"*\n");
                self.starred = true;
            }
            return;
        }
        self.first = false;
        self.starred = false;
        self.prev.clear();
        self.prev.extend_from_slice(data);
        let rounded = n.div_ceil(self.lcm) * self.lcm;
        let mut padded = data.to_vec();
        padded.resize(rounded.max(n), 0);
        self.line.clear();
        for (k, spec) in self.specs.iter().enumerate() {
            if k == 0 {
                self.addr.put(&mut self.line, offset, false);
            } else {
                for _ in 0..self.addr.width() {
                    self.line.push(b' ');
                }
            }
            let fields = self.per_line / spec.size;
            let blank = (self.per_line - n) / spec.size;
            let mut pad_left = spec.pad;
            let mut i = fields;
            let mut at = 0;
            while i > blank {
                let next_pad = spec.pad * (i - 1) / fields;
                let w = pad_left - next_pad + spec.width;
                field(spec, &padded[at..at + spec.size], self.big, &mut self.text);
                pad_to(&mut self.line, w, &self.text);
                pad_left = next_pad;
                at += spec.size;
                i -= 1;
            }
            if spec.trailer {
                let fill = blank * spec.width + spec.pad * blank / fields;
                self.line.resize(self.line.len() + fill, b' ');
                self.line.extend_from_slice(b"  >");
                for &c in data {
                    self.line.push(if (32..127).contains(&c) { c } else { b'.' });
                }
                self.line.push(b'<');
            }
            self.line.push(b'\n');
        }
        out.write_bytes(&self.line);
    }
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

fn opt_name(m: &crate::args::Matches, i: usize) -> String {
    let o = &OPTS[m.found[i].0];
    if o.short != 0 {
        format!("-{}", o.short as char)
    } else {
        format!("--{}", o.long)
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let mut specs: Vec<Spec> = Vec::new();
    let mut addr = Addr {
        radix: Radix::Oct,
        pad: 7,
        label: None,
    };
    let mut skip: u64 = 0;
    let mut limit: Option<u64> = None;
    let mut strings: Option<u64> = None;
    let mut dedup = true;
    let mut width: Option<usize> = None;
    let mut modern = false;
    let mut traditional = false;
    let mut big = false;
    let mut ok = true;
    for (i, (idx, val)) in m.found.iter().enumerate() {
        let o = &OPTS[*idx];
        let v = val.as_deref().map(OsStr::as_bytes);
        let count = |diag: &mut Diag, v: &[u8]| -> Option<u64> {
            let shown = String::from_utf8_lossy(v);
            match parse_count(v) {
                Ok(n) => Some(n),
                Err(NumError::Invalid) => {
                    diag.error(format_args!("invalid {} argument '{shown}'", opt_name(&m, i)));
                    None
                }
                Err(NumError::Suffix) => {
                    diag.error(format_args!("invalid suffix in {} argument '{shown}'", opt_name(&m, i)));
                    None
                }
                Err(NumError::TooLarge) => {
                    diag.error(format_args!("{} argument '{shown}' too large", opt_name(&m, i)));
                    None
                }
            }
        };
        if o.short != 0 {
            if let Some(t) = legacy(o.short) {
                if let Err(e) = decode_types(t.as_bytes(), &mut specs) {
                    diag.error(e);
                    ok = false;
                }
                continue;
            }
        }
        match (o.short, o.long) {
            (b'A', _) => {
                modern = true;
                let c = v.and_then(|v| v.first().copied()).unwrap_or(0);
                addr.radix = match c {
                    b'd' => Radix::Dec,
                    b'o' => Radix::Oct,
                    b'x' => Radix::Hex,
                    b'n' => Radix::None,
                    _ => {
                        diag.error(format_args!(
                            "invalid output address radix '{}'; it must be one character from [doxn]",
                            String::from_utf8_lossy(&[c])
                        ));
                        return 1;
                    }
                };
                addr.pad = match addr.radix {
                    Radix::Hex => 6,
                    Radix::None => 0,
                    _ => 7,
                };
            }
            (b'j', _) | (_, "skip-bytes") => {
                modern = true;
                match count(&mut diag, v.unwrap_or(b"")) {
                    Some(n) => skip = n,
                    None => return 1,
                }
            }
            (b'N', _) | (_, "read-bytes") => {
                modern = true;
                match count(&mut diag, v.unwrap_or(b"")) {
                    Some(n) => limit = Some(n),
                    None => return 1,
                }
            }
            (b'S', _) | (_, "strings") => {
                modern = true;
                match v {
                    None => strings = Some(3),
                    Some(v) => match count(&mut diag, v) {
                        Some(n) => strings = Some(n),
                        None => return 1,
                    },
                }
            }
            (b't', _) => {
                modern = true;
                if let Err(e) = decode_types(v.unwrap_or(b""), &mut specs) {
                    diag.error(e);
                    ok = false;
                }
            }
            (b'v', _) => {
                modern = true;
                dedup = false;
            }
            (b'w', _) => {
                modern = true;
                width = match v {
                    None => Some(32),
                    Some(v) => match std::str::from_utf8(v).ok().and_then(|s| s.parse::<usize>().ok()) {
                        Some(n) if n <= i32::MAX as usize => Some(n),
                        _ => {
                            diag.error(format_args!(
                                "invalid {} argument '{}'",
                                opt_name(&m, i),
                                String::from_utf8_lossy(v)
                            ));
                            return 1;
                        }
                    },
                };
            }
            (_, "traditional") => traditional = true,
            (_, "endian") => match v.unwrap_or(b"") {
                b"big" => big = true,
                b"little" => big = false,
                other => {
                    let shown = String::from_utf8_lossy(other);
                    return parser.usage_error(
                        args,
                        format_args!(
                            "invalid argument '{shown}' for '--endian'\nValid arguments are:\n  - 'little'\n  - 'big'"
                        ),
                    );
                }
            },
            _ => {}
        }
    }
    if !ok {
        return 1;
    }
    if strings.is_some() && !specs.is_empty() {
        diag.error("no type may be specified when dumping strings");
        return 1;
    }
    let mut files: Vec<OsString> = m.operands.clone();
    if !modern || traditional {
        let off = |s: &OsString| parse_old_offset(s.as_bytes());
        let starts = |s: &OsString, digit: bool| {
            let b = s.as_bytes().first().copied().unwrap_or(0);
            b == b'+' || (digit && b.is_ascii_digit())
        };
        match files.len() {
            1 if traditional || starts(&files[0], false) => {
                if let Some(o) = off(&files[0]) {
                    skip = o;
                    files.clear();
                }
            }
            2 if traditional || starts(&files[1], true) => {
                if let Some(o2) = off(&files[1]) {
                    match off(&files[0]).filter(|_| traditional) {
                        Some(o1) => {
                            skip = o1;
                            addr.label = Some(o2.wrapping_sub(o1));
                            files.clear();
                        }
                        None => {
                            skip = o2;
                            files.truncate(1);
                        }
                    }
                }
            }
            3 if traditional => {
                if let (Some(o1), Some(o2)) = (off(&files[1]), off(&files[2])) {
                    skip = o1;
                    addr.label = Some(o2.wrapping_sub(o1));
                    files.truncate(1);
                }
            }
            _ => {}
        }
        if traditional && files.len() > 1 {
            diag.warn(format_args!(
                "extra operand {}",
                crate::quote::msg(files[1].as_bytes())
            ));
            return parser.usage_error(args, "compatibility mode supports at most one file");
        }
    }
    if addr.label.is_some() && addr.radix == Radix::None {
        addr.pad = 7;
    }
    let end = match limit {
        Some(n) => match skip.checked_add(n) {
            Some(e) => Some(e),
            None => {
                diag.error("skip-bytes + read-bytes is too large");
                return 1;
            }
        },
        None => None,
    };
    if specs.is_empty() {
        let _ = decode_types(b"oS", &mut specs);
    }
    if files.is_empty() {
        files.push(OsString::from("-"));
    }
    let mut chain = Chain::new(&files);
    if !chain.open_next(&mut diag) {
        return 1;
    }
    if skip > 0 && chain.skip(skip, &mut diag) > 0 {
        diag.error("cannot skip past end of combined input");
        return 1;
    }
    let lcm = specs.iter().fold(1, |l, s| l / gcd(l, s.size) * s.size);
    let per_line = match width {
        Some(w) if w != 0 && w % lcm == 0 => w,
        Some(w) => {
            diag.warn(format_args!("warning: invalid width {w}; using {lcm} instead"));
            lcm
        }
        None if lcm < 16 => lcm * (16 / lcm),
        None => lcm,
    };
    let block_width = specs
        .iter()
        .map(|s| (s.width + 1) * (per_line / s.size))
        .max()
        .unwrap_or(0);
    for s in &mut specs {
        s.pad = block_width - s.width * (per_line / s.size);
    }
    let mut out = Out::stdout();
    if let Some(min) = strings {
        dump_strings(&mut chain, &mut diag, &mut out, &addr, skip, end, min);
    } else {
        let mut d = Dumper {
            specs,
            per_line,
            lcm,
            big,
            addr,
            dedup,
            prev: Vec::new(),
            first: true,
            starred: false,
            line: Vec::new(),
            text: Vec::new(),
        };
        let mut offset = skip;
        let mut buf = vec![0u8; per_line];
        loop {
            let want = match end {
                Some(e) if offset >= e => 0,
                Some(e) => (e - offset).min(per_line as u64) as usize,
                None => per_line,
            };
            let n = if want == 0 { 0 } else { chain.read(&mut buf[..want], &mut diag) };
            if n == 0 {
                break;
            }
            d.block(offset, &buf[..n], &mut out);
            offset += n as u64;
            if n < per_line || !out.ok() {
                break;
            }
        }
        let mut last = Vec::new();
        d.addr.put(&mut last, offset, true);
        out.write_bytes(&last);
    }
    if !chain.ok {
        diag.fail(1);
    }
    out.close(&diag)
}

/// `-S`: each run of at least `min` printable bytes ended by a NUL.
fn dump_strings(
    chain: &mut Chain,
    diag: &mut Diag,
    out: &mut Out,
    addr: &Addr,
    skip: u64,
    end: Option<u64>,
    min: u64,
) {
    let mut buf = Vec::new();
    let mut pos = 0;
    let mut address = skip;
    let mut s: Vec<u8> = Vec::new();
    let mut line = Vec::new();
    'outer: loop {
        if let Some(e) = end {
            if e < min || e - min <= address {
                break;
            }
        }
        s.clear();
        while (s.len() as u64) < min {
            let Some(c) = chain.byte(diag, &mut buf, &mut pos) else {
                break 'outer;
            };
            address += 1;
            if !(32..127).contains(&c) {
                continue 'outer;
            }
            s.push(c);
        }
        loop {
            if let Some(e) = end {
                if address >= e {
                    break;
                }
            }
            let Some(c) = chain.byte(diag, &mut buf, &mut pos) else {
                break 'outer;
            };
            address += 1;
            if c == 0 {
                break;
            }
            if !(32..127).contains(&c) {
                continue 'outer;
            }
            s.push(c);
        }
        line.clear();
        if addr.radix != Radix::None || addr.label.is_some() {
            addr.put(&mut line, address - s.len() as u64 - 1, false);
            line.push(b' ');
        }
        line.extend_from_slice(&s);
        line.push(b'\n');
        out.write_bytes(&line);
    }
}
