//! Sort keys: where a key lies in a line (`-k`, `-t`, `-b`) and how two
//! keys compare (`-d -f -i -n -g -h -M -V -R -r`), in the C locale.
//!
//! Field and character positions follow GNU's reading of POSIX: without
//! `-t` a field is a run of blanks followed by non-blanks (the blanks belong
//! to the field), with `-t` fields lie between separators; `b` skips the
//! blanks before the character offset is counted.

use crate::vercmp::filevercmp;
use std::cmp::Ordering;

/// How a key's text is ordered.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    Text,
    Numeric,
    General,
    Human,
    Month,
    Version,
    Random,
}

/// Which bytes `-d` / `-i` leave out of a comparison.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ignore {
    None,
    /// `-d`: all but letters, digits and blanks.
    Dictionary,
    /// `-i`: all but printable ASCII.
    Nonprinting,
}

/// One key: a start and end position and how to compare.
#[derive(Clone, Debug)]
pub struct Key {
    /// 0-based field and character of the start.
    pub sword: usize,
    pub schar: usize,
    /// 0-based field of the end; None for the end of the line.
    pub eword: Option<usize>,
    /// 1-based last character in the end field; 0 for the whole field.
    pub echar: usize,
    pub skip_start_blanks: bool,
    pub skip_end_blanks: bool,
    pub ignore: Ignore,
    pub fold: bool,
    pub mode: Mode,
    /// Every mode letter given, one bit per [`Mode`] (to find conflicts).
    pub modes: u8,
    pub reverse: bool,
}

impl Key {
    /// The whole line, compared as text.
    pub fn whole() -> Key {
        Key {
            sword: 0,
            schar: 0,
            eword: None,
            echar: 0,
            skip_start_blanks: false,
            skip_end_blanks: false,
            ignore: Ignore::None,
            fold: false,
            mode: Mode::Text,
            modes: 0,
            reverse: false,
        }
    }

    /// Whether no ordering option was given for this key (then the global
    /// options apply to it, as POSIX says).
    pub fn has_no_options(&self) -> bool {
        !(self.skip_start_blanks
            || self.skip_end_blanks
            || self.ignore != Ignore::None
            || self.fold
            || self.modes != 0
            || self.reverse)
    }

    /// Takes the ordering options of `g` (the global ones).
    pub fn inherit(&mut self, g: &Key) {
        self.skip_start_blanks = g.skip_start_blanks;
        self.skip_end_blanks = g.skip_end_blanks;
        self.ignore = g.ignore;
        self.fold = g.fold;
        self.mode = g.mode;
        self.modes = g.modes;
        self.reverse = g.reverse;
    }

    /// Applies one ordering letter; false if `c` is not one.
    /// `end` says whether a `b` belongs to the end position.
    pub fn set_flag(&mut self, c: u8, end: bool) -> bool {
        let mode = match c {
            b'b' => {
                if end {
                    self.skip_end_blanks = true;
                } else {
                    self.skip_start_blanks = true;
                }
                return true;
            }
            b'd' => {
                self.ignore = Ignore::Dictionary;
                return true;
            }
            b'i' => {
                // -d is a superset of -i: the order of the letters does not matter.
                if self.ignore == Ignore::None {
                    self.ignore = Ignore::Nonprinting;
                }
                return true;
            }
            b'f' => {
                self.fold = true;
                return true;
            }
            b'r' => {
                self.reverse = true;
                return true;
            }
            b'n' => Mode::Numeric,
            b'g' => Mode::General,
            b'h' => Mode::Human,
            b'M' => Mode::Month,
            b'V' => Mode::Version,
            b'R' => Mode::Random,
            _ => return false,
        };
        self.modes |= 1 << mode as u8;
        // One mode wins when several are given (GNU's precedence; most
        // pairs are refused by `conflict`).
        self.mode = [
            Mode::Numeric,
            Mode::General,
            Mode::Human,
            Mode::Month,
            Mode::Random,
            Mode::Version,
        ]
        .into_iter()
        .find(|&m| self.modes & (1 << m as u8) != 0)
        .unwrap_or(Mode::Text);
        true
    }

    /// The letters of a conflicting set of options (`"gn"`), if any: at
    /// most one of `-n -g -h -M` and of those with `-V`/`-R`/`-d`/`-i`.
    pub fn conflict(&self) -> Option<String> {
        let has = |m: Mode| self.modes & (1 << m as u8) != 0;
        let other = has(Mode::Version) || has(Mode::Random) || self.ignore != Ignore::None;
        let n = [Mode::Numeric, Mode::General, Mode::Human, Mode::Month]
            .iter()
            .filter(|&&m| has(m))
            .count()
            + other as usize;
        if n < 2 {
            return None;
        }
        let mut s = String::new();
        let mut put = |on: bool, c: char| {
            if on {
                s.push(c)
            }
        };
        put(self.ignore == Ignore::Dictionary, 'd');
        put(self.fold, 'f');
        put(has(Mode::General), 'g');
        put(has(Mode::Human), 'h');
        put(self.ignore == Ignore::Nonprinting, 'i');
        put(has(Mode::Month), 'M');
        put(has(Mode::Numeric), 'n');
        put(has(Mode::Random), 'R');
        put(has(Mode::Version), 'V');
        Some(s)
    }
}

/// The text of the key in `line`.
#[inline]
pub fn extract<'a>(key: &Key, tab: Option<u8>, line: &'a [u8]) -> &'a [u8] {
    let beg = begfield(key, tab, line);
    let lim = match key.eword {
        None => line.len(),
        Some(_) => limfield(key, tab, line),
    };
    if lim <= beg {
        &line[beg..beg]
    } else {
        &line[beg..lim]
    }
}

#[inline]
pub fn blank(c: u8) -> bool {
    c == b' ' || c == b'\t' || c == b'\n'
}

pub(super) fn begfield(key: &Key, tab: Option<u8>, line: &[u8]) -> usize {
    let lim = line.len();
    let mut p = 0;
    let mut n = key.sword;
    match tab {
        Some(t) => {
            while p < lim && n > 0 {
                n -= 1;
                p = match memchr::memchr(t, &line[p..]) {
                    Some(i) => p + i + 1,
                    None => lim,
                };
            }
        }
        None => {
            while p < lim && n > 0 {
                n -= 1;
                while p < lim && blank(line[p]) {
                    p += 1;
                }
                while p < lim && !blank(line[p]) {
                    p += 1;
                }
            }
        }
    }
    if key.skip_start_blanks {
        while p < lim && blank(line[p]) {
            p += 1;
        }
    }
    p.saturating_add(key.schar).min(lim)
}

pub(super) fn limfield(key: &Key, tab: Option<u8>, line: &[u8]) -> usize {
    let lim = line.len();
    let mut p = 0;
    let mut n = key.eword.unwrap_or(0);
    let echar = key.echar;
    if echar == 0 {
        // The whole end field: skip it too.
        n = n.saturating_add(1);
    }
    match tab {
        Some(t) => {
            while p < lim && n > 0 {
                n -= 1;
                p = match memchr::memchr(t, &line[p..]) {
                    Some(i) => p + i,
                    None => lim,
                };
                if p < lim && (n > 0 || echar != 0) {
                    p += 1;
                }
            }
        }
        None => {
            while p < lim && n > 0 {
                n -= 1;
                while p < lim && blank(line[p]) {
                    p += 1;
                }
                while p < lim && !blank(line[p]) {
                    p += 1;
                }
            }
        }
    }
    if echar != 0 {
        if key.skip_end_blanks {
            while p < lim && blank(line[p]) {
                p += 1;
            }
        }
        p = p.saturating_add(echar).min(lim);
    }
    p
}

/// The first eight bytes of `s` as a big-endian number, zero-padded
/// (without a call to musl's `memcpy` for the short copy).
#[inline]
pub fn word_at(s: &[u8]) -> u64 {
    if s.len() >= 8 {
        // SAFETY: eight bytes are there to read.
        let w = unsafe { (s.as_ptr() as *const u64).read_unaligned() };
        return u64::from_be(w);
    }
    let mut w = 0u64;
    for (i, &c) in s.iter().enumerate() {
        w |= (c as u64) << (56 - 8 * i);
    }
    w
}

/// Byte order of two strings, eight bytes at a time (musl's `memcmp`,
/// which `<[u8]>::cmp` calls, goes byte by byte).
#[inline]
pub fn bytes_cmp(a: &[u8], b: &[u8]) -> Ordering {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 8 <= n {
        // SAFETY: i + 8 <= n, which is within both slices.
        let (x, y) = unsafe {
            (
                (a.as_ptr().add(i) as *const u64).read_unaligned(),
                (b.as_ptr().add(i) as *const u64).read_unaligned(),
            )
        };
        if x != y {
            return u64::from_be(x).cmp(&u64::from_be(y));
        }
        i += 8;
    }
    while i < n {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
        i += 1;
    }
    a.len().cmp(&b.len())
}

/// Whether `c` is left out under `ig`.
#[inline]
fn ignored(ig: Ignore, c: u8) -> bool {
    match ig {
        Ignore::None => false,
        Ignore::Dictionary => !(c.is_ascii_alphanumeric() || blank(c)),
        Ignore::Nonprinting => !(0x20..0x7f).contains(&c),
    }
}

#[inline]
fn tr(fold: bool, c: u8) -> u8 {
    if fold {
        c.to_ascii_uppercase()
    } else {
        c
    }
}

/// Text comparison with `-d`/`-i` and `-f`.
fn text_cmp(key: &Key, a: &[u8], b: &[u8]) -> Ordering {
    if key.ignore == Ignore::None {
        return if key.fold {
            folded_cmp(a, b)
        } else {
            bytes_cmp(a, b)
        };
    }
    let (mut i, mut j) = (0, 0);
    loop {
        while i < a.len() && ignored(key.ignore, a[i]) {
            i += 1;
        }
        while j < b.len() && ignored(key.ignore, b[j]) {
            j += 1;
        }
        if i == a.len() || j == b.len() {
            return (i < a.len()).cmp(&(j < b.len()));
        }
        let (x, y) = (tr(key.fold, a[i]), tr(key.fold, b[j]));
        if x != y {
            return x.cmp(&y);
        }
        i += 1;
        j += 1;
    }
}

/// ASCII lower case to upper case in each byte of a word: a byte is
/// lower case when adding 0x1F carries into its top bit and adding 0x05
/// does not (no carry crosses bytes: the top bits are cleared first).
#[inline]
pub fn upper8(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let a = x & LOW7;
    let ge_a = a + 0x1f1f_1f1f_1f1f_1f1f;
    let gt_z = a + 0x0505_0505_0505_0505;
    let lower = (ge_a ^ gt_z) & !x & HIGH;
    x - (lower >> 2)
}

/// `-f` without `-d`/`-i`: upper-cased bytes in order, a word at a time.
fn folded_cmp(a: &[u8], b: &[u8]) -> Ordering {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 8 <= n {
        let x = upper8(word_at(&a[i..]));
        let y = upper8(word_at(&b[i..]));
        if x != y {
            return x.cmp(&y);
        }
        i += 8;
    }
    while i < n {
        let (x, y) = (a[i].to_ascii_uppercase(), b[i].to_ascii_uppercase());
        if x != y {
            return x.cmp(&y);
        }
        i += 1;
    }
    a.len().cmp(&b.len())
}

/// The first eight bytes of the key as `text_cmp` sees them, big-endian:
/// keys whose prefixes differ compare the same way. The flag says the
/// prefix is the whole key (at most seven bytes, no NUL among them, so the
/// zero padding cannot be mistaken for text).
pub fn text_prefix(key: &Key, s: &[u8]) -> (u64, bool) {
    if key.ignore == Ignore::None {
        let w = word_at(s);
        let w = if key.fold { upper8(w) } else { w };
        return (w, s.len() < 8 && !s.contains(&0));
    }
    let mut p = [0u8; 8];
    let mut n = 0;
    let mut whole = true;
    for &c in s {
        if !ignored(key.ignore, c) {
            if n == 8 {
                whole = false;
                break;
            }
            p[n] = tr(key.fold, c);
            n += 1;
        }
    }
    let exact = whole && n < 8 && !p[..n].contains(&0);
    (u64::from_be_bytes(p), exact)
}

fn skip_blanks(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|&&c| blank(c)).count();
    &s[n..]
}

/// A number as `-n` reads it: sign, integer digits without leading zeros,
/// fraction digits without trailing zeros.
struct Num<'a> {
    neg: bool,
    int: &'a [u8],
    frac: &'a [u8],
}

fn parse_num(s: &[u8]) -> (Num<'_>, usize) {
    let s0 = s.len();
    let s = skip_blanks(s);
    let mut p = 0;
    let neg = s.first() == Some(&b'-');
    if neg {
        p = 1;
    }
    while p < s.len() && s[p] == b'0' {
        p += 1;
    }
    let is = p;
    while p < s.len() && s[p].is_ascii_digit() {
        p += 1;
    }
    let int = &s[is..p];
    let mut frac: &[u8] = &[];
    if p < s.len() && s[p] == b'.' {
        let fs = p + 1;
        p = fs;
        while p < s.len() && s[p].is_ascii_digit() {
            p += 1;
        }
        let mut fe = p;
        while fe > fs && s[fe - 1] == b'0' {
            fe -= 1;
        }
        frac = &s[fs..fe];
    }
    let used = s0 - s.len() + p;
    (Num { neg, int, frac }, used)
}

fn num_sign(n: &Num) -> i8 {
    if n.int.is_empty() && n.frac.is_empty() {
        0
    } else if n.neg {
        -1
    } else {
        1
    }
}

fn mag_cmp(a: &Num, b: &Num) -> Ordering {
    a.int
        .len()
        .cmp(&b.int.len())
        .then_with(|| a.int.cmp(b.int))
        .then_with(|| a.frac.cmp(b.frac))
}

/// `-n`: exact comparison of decimal numbers of any length.
pub fn num_cmp(a: &[u8], b: &[u8]) -> Ordering {
    let (x, _) = parse_num(a);
    let (y, _) = parse_num(b);
    let (sx, sy) = (num_sign(&x), num_sign(&y));
    if sx != sy {
        return sx.cmp(&sy);
    }
    match sx {
        0 => Ordering::Equal,
        1 => mag_cmp(&x, &y),
        _ => mag_cmp(&y, &x),
    }
}

/// An f64 as a u64 in the same order (-0 as +0; no NaNs here).
fn f64_order(v: f64) -> u64 {
    let v = if v == 0.0 { 0.0 } else { v };
    let b = v.to_bits();
    if b >> 63 == 1 {
        !b
    } else {
        b | 1 << 63
    }
}

/// The value of a `-n` number, rounded: a monotone stand-in for sorting,
/// and whether it is exact (equal values then mean equal numbers).
fn num_value(s: &[u8]) -> (f64, bool) {
    let (n, _) = parse_num(s);
    if num_sign(&n) == 0 {
        return (0.0, true);
    }
    // Correctly rounded parsing is monotone, so `a < b` in f64 means the
    // same in exact arithmetic; equal values fall back to `num_cmp` unless
    // both have at most 15 significant digits (DBL_DIG: distinct such
    // decimals are distinct doubles).
    let digits = n.int.len() + n.frac.len();
    let (v, exact) = if digits <= 15 && n.frac.len() <= 3 {
        let mut i: u64 = 0;
        for &d in n.int.iter().chain(n.frac) {
            i = i * 10 + (d - b'0') as u64;
        }
        // Both operands are exact, so the quotient is correctly rounded.
        (i as f64 / [1.0, 10.0, 100.0, 1000.0][n.frac.len()], true)
    } else {
        let mut buf = Vec::with_capacity(digits + 2);
        buf.extend_from_slice(n.int);
        buf.push(b'.');
        buf.extend_from_slice(n.frac);
        if buf.len() == 1 {
            buf.push(b'0');
        }
        let v = std::str::from_utf8(&buf)
            .ok()
            .and_then(|t| t.parse::<f64>().ok())
            .unwrap_or(0.0);
        (v, false)
    };
    (if n.neg { -v } else { v }, exact)
}

/// `-n` prefix for sorting.
pub fn num_prefix(s: &[u8]) -> u64 {
    f64_order(num_value(s).0)
}

/// `strtod` on the key: the value and whether a number was read.
fn strtod(s: &[u8]) -> Option<f64> {
    // Only the leading white space and the characters a number can hold
    // (digits, letters of hex, inf, nan, signs, points, `nan(...)`) matter.
    let ws = s
        .iter()
        .take_while(|&&c| c == b' ' || (b'\t'..=b'\r').contains(&c))
        .count();
    let body = s[ws..]
        .iter()
        .take_while(|&&c| c.is_ascii_alphanumeric() || b".+-_()".contains(&c))
        .count();
    let s = &s[..ws + body];
    let mut small = [0u8; 96];
    let mut big = Vec::new();
    let buf: &mut [u8] = if s.len() < small.len() {
        small[..s.len()].copy_from_slice(s);
        &mut small[..s.len() + 1]
    } else {
        big.extend_from_slice(s);
        big.push(0);
        &mut big[..]
    };
    // A NUL inside the key ends the number, as it does for GNU.
    let start = buf.as_ptr() as *const libc::c_char;
    let mut end: *mut libc::c_char = std::ptr::null_mut();
    // SAFETY: `buf` is NUL-terminated and outlives the call.
    let v = unsafe { libc::strtod(start, &mut end) };
    if std::ptr::eq(end, start) {
        None
    } else {
        Some(v)
    }
}

/// `-g` prefix: conversion errors, then NaNs, then numbers in order.
pub fn gen_prefix(s: &[u8]) -> u64 {
    match strtod(s) {
        None => 0,
        Some(v) if v.is_nan() => 1,
        Some(v) => f64_order(v).max(2),
    }
}

/// `-g`: as GNU, errors first, then NaNs (by bit pattern), then numbers.
pub fn gen_cmp(a: &[u8], b: &[u8]) -> Ordering {
    match (strtod(a), strtod(b)) {
        (None, None) => Ordering::Equal,
        (None, _) => Ordering::Less,
        (_, None) => Ordering::Greater,
        (Some(x), Some(y)) => match (x.is_nan(), y.is_nan()) {
            (true, true) => x.to_bits().cmp(&y.to_bits()),
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            _ => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        },
    }
}

/// The SI order of a `-h` number: 0 without a suffix (or for zero), 1 for
/// K, 2 for M, ...; negative for negative numbers.
/// Under `-f` the suffix is folded to upper case first (GNU translates
/// the key before reading the number: `1e` is then exa).
fn unit_order(s: &[u8], fold: bool) -> i32 {
    let s = skip_blanks(s);
    let neg = s.first() == Some(&b'-');
    let mut p = neg as usize;
    let mut max = b'0';
    while p < s.len() && s[p].is_ascii_digit() {
        max = max.max(s[p]);
        p += 1;
    }
    if p < s.len() && s[p] == b'.' {
        p += 1;
        while p < s.len() && s[p].is_ascii_digit() {
            max = max.max(s[p]);
            p += 1;
        }
    }
    if max == b'0' {
        return 0;
    }
    let order = match s.get(p).map(|&c| if fold { c.to_ascii_uppercase() } else { c }) {
        Some(b'K' | b'k') => 1,
        Some(b'M') => 2,
        Some(b'G') => 3,
        Some(b'T') => 4,
        Some(b'P') => 5,
        Some(b'E') => 6,
        Some(b'Z') => 7,
        Some(b'Y') => 8,
        _ => 0,
    };
    if neg {
        -order
    } else {
        order
    }
}

/// `-h`: the suffix first, then the number.
pub fn human_cmp(a: &[u8], b: &[u8], fold: bool) -> Ordering {
    unit_order(a, fold)
        .cmp(&unit_order(b, fold))
        .then_with(|| num_cmp(a, b))
}

pub fn human_prefix(s: &[u8], fold: bool) -> u64 {
    let order = (unit_order(s, fold) + 16) as u64;
    order << 59 | num_prefix(s) >> 5
}

/// `-M`: 0 for an unknown name, 1 for JAN ... 12 for DEC.
pub fn month(s: &[u8]) -> u64 {
    const NAMES: [&[u8; 3]; 12] = [
        b"JAN", b"FEB", b"MAR", b"APR", b"MAY", b"JUN", b"JUL", b"AUG", b"SEP", b"OCT", b"NOV",
        b"DEC",
    ];
    let s = skip_blanks(s);
    if s.len() < 3 {
        return 0;
    }
    let m = [
        s[0].to_ascii_uppercase(),
        s[1].to_ascii_uppercase(),
        s[2].to_ascii_uppercase(),
    ];
    NAMES
        .iter()
        .position(|n| **n == m)
        .map_or(0, |i| i as u64 + 1)
}

/// A keyed 64-bit hash for `-R`: equal keys hash alike, the order of the
/// others depends on the seed.
pub struct Hasher {
    h: u64,
    word: u64,
    n: u32,
}

const MUL: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Hasher {
    pub fn new(seed: u64) -> Hasher {
        Hasher {
            h: mix(seed),
            word: 0,
            n: 0,
        }
    }
    #[inline]
    fn push(&mut self, c: u8) {
        self.word = self.word << 8 | c as u64;
        self.n += 1;
        if self.n == 8 {
            self.h = mix(self.h ^ self.word).wrapping_mul(MUL);
            self.word = 0;
            self.n = 0;
        }
    }
    fn finish(mut self, len: usize) -> u64 {
        self.h = mix(self.h ^ self.word ^ ((self.n as u64) << 56));
        mix(self.h ^ len as u64)
    }
}

/// The key bytes a comparison sees, after `-d`/`-i` and `-f`.
fn visible<'a>(key: &'a Key, s: &'a [u8]) -> impl Iterator<Item = u8> + 'a {
    s.iter()
        .copied()
        .filter(move |&c| !ignored(key.ignore, c))
        .map(move |c| tr(key.fold, c))
}

pub fn random_hash(key: &Key, seed: u64, s: &[u8]) -> u64 {
    let mut h = Hasher::new(seed);
    let mut n = 0;
    for c in visible(key, s) {
        h.push(c);
        n += 1;
    }
    h.finish(n)
}

/// Compares the texts of one key.
pub fn key_cmp(key: &Key, seed: u64, a: &[u8], b: &[u8]) -> Ordering {
    let o = match key.mode {
        Mode::Text => text_cmp(key, a, b),
        Mode::Numeric => num_cmp(a, b),
        Mode::General => gen_cmp(a, b),
        Mode::Human => human_cmp(a, b, key.fold),
        Mode::Month => month(a).cmp(&month(b)),
        // -d, -i and -f apply before the version comparison, as in GNU.
        Mode::Version if key.fold || key.ignore != Ignore::None => {
            let a: Vec<u8> = visible(key, a).collect();
            let b: Vec<u8> = visible(key, b).collect();
            filevercmp(&a, &b)
        }
        Mode::Version => filevercmp(a, b),
        Mode::Random => random_hash(key, seed, a)
            .cmp(&random_hash(key, seed, b))
            .then_with(|| visible(key, a).cmp(visible(key, b))),
    };
    if key.reverse {
        o.reverse()
    } else {
        o
    }
}

/// The sortable stand-in for the first key, if the mode has one: keys with
/// different prefixes compare as their prefixes do (before `-r`).
/// The flag says the prefix is exact: equal exact prefixes mean equal keys.
pub fn prefix(key: &Key, seed: u64, s: &[u8]) -> (u64, bool) {
    match key.mode {
        Mode::Text => text_prefix(key, s),
        Mode::Numeric => {
            let (v, exact) = num_value(s);
            (f64_order(v), exact)
        }
        Mode::General => {
            let p = gen_prefix(s);
            (p, p != 1)
        }
        Mode::Human => (human_prefix(s, key.fold), false),
        Mode::Month => (month(s), true),
        Mode::Random => (random_hash(key, seed, s), false),
        Mode::Version => (0, false),
    }
}

/// All the comparison settings.
pub struct Cmp {
    pub keys: Vec<Key>,
    pub tab: Option<u8>,
    /// No last-resort whole-line comparison (`-s`, `-u`).
    pub stable: bool,
    /// Global `-r`, which also reverses the last resort.
    pub reverse: bool,
    pub seed: u64,
    /// The one key is the whole line as plain bytes: compare directly.
    pub plain: bool,
}

impl Cmp {
    /// The keys only, as `-u` judges equality.
    #[inline]
    pub fn keys_cmp(&self, a: &[u8], b: &[u8], from: usize) -> Ordering {
        if self.plain {
            return if self.reverse {
                bytes_cmp(b, a)
            } else {
                bytes_cmp(a, b)
            };
        }
        for key in &self.keys[from..] {
            let o = key_cmp(key, self.seed, extract(key, self.tab, a), extract(key, self.tab, b));
            if o != Ordering::Equal {
                return o;
            }
        }
        Ordering::Equal
    }

    /// The keys from `from` on, then the last resort.
    #[inline]
    pub fn cmp_from(&self, a: &[u8], b: &[u8], from: usize) -> Ordering {
        let o = self.keys_cmp(a, b, from);
        if o != Ordering::Equal || self.stable {
            return o;
        }
        if self.reverse {
            bytes_cmp(b, a)
        } else {
            bytes_cmp(a, b)
        }
    }

    /// The whole comparison of two lines.
    pub fn cmp(&self, a: &[u8], b: &[u8]) -> Ordering {
        self.cmp_from(a, b, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        use Ordering::*;
        assert_eq!(num_cmp(b"-0", b"0"), Equal);
        assert_eq!(num_cmp(b" 10", b"9"), Greater);
        assert_eq!(num_cmp(b"-10", b"-9"), Less);
        assert_eq!(num_cmp(b"1.50", b"1.5"), Equal);
        assert_eq!(num_cmp(b".5", b"0.4"), Greater);
        assert_eq!(num_cmp(b"-", b"abc"), Equal);
        assert_eq!(num_cmp(b"-.5", b"0"), Less);
        assert!(num_prefix(b"-3") < num_prefix(b"-0.5"));
        assert!(num_prefix(b"-0.5") < num_prefix(b"0"));
        assert_eq!(num_prefix(b"-0"), num_prefix(b"x"));
        assert!(num_prefix(b"12345678901234567890") > num_prefix(b"9"));
    }

    #[test]
    fn general_and_human() {
        assert!(gen_prefix(b"x") < gen_prefix(b"nan"));
        assert!(gen_prefix(b"nan") < gen_prefix(b"-inf"));
        assert!(gen_prefix(b"0x10") > gen_prefix(b"15"));
        assert_eq!(gen_prefix(b"-0"), gen_prefix(b"0"));
        assert_eq!(unit_order(b"1.5K", false), 1);
        assert_eq!(unit_order(b"0M", false), 0);
        assert_eq!(unit_order(b"-2G", false), -3);
        assert!(human_prefix(b"2000K", false) < human_prefix(b"1M", false));
        assert_eq!(month(b" feb"), 2);
        let all: Vec<u8> = (0..=255).collect();
        for w in all.chunks(8) {
            let up: Vec<u8> = w.iter().map(|c| c.to_ascii_uppercase()).collect();
            assert_eq!(upper8(word_at(w)), word_at(&up));
        }
        assert_eq!(month(b"ma"), 0);
    }
}
