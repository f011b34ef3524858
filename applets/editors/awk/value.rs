//! Values: numbers, strings, and the "strnum" strings that come from input
//! and compare as numbers when they look like one; awk's string/number
//! conversions; and regular expressions in awk's dialect, translated for
//! the shared ERE engine.

use crate::regex::{Pattern, Syntax};
use std::rc::Rc;

pub type Str = Rc<[u8]>;

#[derive(Clone, Debug, Default)]
pub enum Value {
    #[default]
    Uninit,
    Num(f64),
    Str(Str),
    /// Input that looks numeric: its text and its number.
    StrNum(Str, f64),
}

impl Value {
    pub fn from_input(s: &[u8]) -> Value {
        match looks_numeric(s) {
            Some(n) => Value::StrNum(s.into(), n),
            None => Value::Str(s.into()),
        }
    }

    pub fn num(&self) -> f64 {
        match self {
            Value::Uninit => 0.0,
            Value::Num(n) | Value::StrNum(_, n) => *n,
            Value::Str(s) => str_to_num(s),
        }
    }

    pub fn truthy(&self) -> bool {
        match self {
            Value::Uninit => false,
            Value::Num(n) | Value::StrNum(_, n) => *n != 0.0,
            Value::Str(s) => !s.is_empty(),
        }
    }

    /// Whether comparisons treat it as a number.
    pub fn is_numeric(&self) -> bool {
        matches!(self, Value::Num(_) | Value::StrNum(..) | Value::Uninit)
    }

    /// Appends the string form (numbers through `convfmt`).
    pub fn push_str(&self, convfmt: &[u8], out: &mut Vec<u8>) {
        match self {
            Value::Uninit => {}
            Value::Num(n) => fmt_num(*n, convfmt, out),
            Value::Str(s) | Value::StrNum(s, _) => out.extend_from_slice(s),
        }
    }

    pub fn to_str(&self, convfmt: &[u8]) -> Str {
        match self {
            Value::Uninit => Rc::from(&b""[..]),
            Value::Str(s) | Value::StrNum(s, _) => s.clone(),
            Value::Num(n) => {
                let mut v = Vec::new();
                fmt_num(*n, convfmt, &mut v);
                v.into()
            }
        }
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The length of the longest numeric prefix of `s` (no leading blanks),
/// and whether it is a plain integer of at most 15 digits with its value.
fn scan_number(s: &[u8]) -> (usize, Option<f64>) {
    let mut i = 0;
    let neg = match s.first() {
        Some(b'+') => {
            i = 1;
            false
        }
        Some(b'-') => {
            i = 1;
            true
        }
        _ => false,
    };
    // gawk's signed infinities and NaNs.
    if i == 1 && s.len() >= 4 {
        let w = [s[1].to_ascii_lowercase(), s[2].to_ascii_lowercase(), s[3].to_ascii_lowercase()];
        if &w == b"inf" || &w == b"nan" {
            let v = if &w == b"inf" { f64::INFINITY } else { f64::NAN };
            let v = if neg { -v } else { v };
            let n = if &w == b"inf" && s.len() >= 9 && s[4..9].eq_ignore_ascii_case(b"inity") {
                9
            } else {
                4
            };
            return (n, Some(v));
        }
    }
    let digits_start = i;
    let mut int: u64 = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        int = int.wrapping_mul(10).wrapping_add(u64::from(s[i] - b'0'));
        i += 1;
    }
    let int_digits = i - digits_start;
    let mut frac_digits = 0;
    let mut simple = true;
    if i < s.len() && s[i] == b'.' {
        simple = false;
        let j = i + 1;
        let mut k = j;
        while k < s.len() && s[k].is_ascii_digit() {
            k += 1;
        }
        frac_digits = k - j;
        if int_digits + frac_digits == 0 {
            return (0, None);
        }
        i = k;
    } else if int_digits == 0 {
        return (0, None);
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
        }
        if j < s.len() && s[j].is_ascii_digit() {
            while j < s.len() && s[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
            simple = false;
        }
    }
    let _ = frac_digits;
    if simple && int_digits <= 15 {
        let v = int as f64;
        return (i, Some(if neg { -v } else { v }));
    }
    (i, None)
}

fn parse_prefix(s: &[u8], n: usize, quick: Option<f64>) -> f64 {
    if let Some(v) = quick {
        return v;
    }
    std::str::from_utf8(&s[..n])
        .ok()
        .and_then(|t| t.parse::<f64>().ok())
        .unwrap_or(0.0)
}

/// A string's numeric value: its longest numeric prefix after blanks.
pub fn str_to_num(s: &[u8]) -> f64 {
    let start = s.iter().position(|&b| !is_space(b)).unwrap_or(s.len());
    let s = &s[start..];
    let (n, quick) = scan_number(s);
    if n == 0 {
        return 0.0;
    }
    parse_prefix(s, n, quick)
}

/// The number a whole string stands for (blanks around allowed), if any.
pub fn looks_numeric(s: &[u8]) -> Option<f64> {
    let start = s.iter().position(|&b| !is_space(b))?;
    let t = &s[start..];
    let (n, quick) = scan_number(t);
    if n == 0 || !t[n..].iter().all(|&b| is_space(b)) {
        return None;
    }
    Some(parse_prefix(t, n, quick))
}

/// Appends `s` to `v`. Short copies are done here word by word, inlined:
/// records and fields are mostly short, and even with the short-copy
/// memcpy of src/mem.rs a call per field costs awk's print about 8%.
#[inline(always)]
pub fn put(v: &mut Vec<u8>, s: &[u8]) {
    let n = s.len();
    if n > 64 {
        v.extend_from_slice(s);
        return;
    }
    v.reserve(n);
    // SAFETY: `reserve` made room for n more bytes after len; the reads
    // stay inside `s` and the writes inside the reserved capacity.
    unsafe {
        let dst = v.as_mut_ptr().add(v.len());
        let src = s.as_ptr();
        let mut i = 0;
        while i + 8 <= n {
            let w = std::ptr::read_unaligned(src.add(i).cast::<u64>());
            std::ptr::write_unaligned(dst.add(i).cast::<u64>(), w);
            i += 8;
        }
        while i < n {
            *dst.add(i) = *src.add(i);
            i += 1;
        }
        v.set_len(v.len() + n);
    }
}

/// Appends a decimal integer.
pub fn push_i64(out: &mut Vec<u8>, n: i64) {
    if n < 0 {
        out.push(b'-');
    }
    crate::num::push_u64(out, n.unsigned_abs());
}

/// Appends a number as awk prints it: integers as integers, others by
/// `fmt` (CONVFMT or OFMT).
pub fn fmt_num(n: f64, fmt: &[u8], out: &mut Vec<u8>) {
    if n == n.trunc() {
        if n.abs() < 1e16 {
            push_i64(out, n as i64);
            return;
        }
        if n.is_finite() {
            c_double(b"%.0f", n, out);
            return;
        }
    }
    if n.is_nan() {
        out.extend_from_slice(if n.is_sign_negative() { b"-nan" } else { b"+nan" });
        return;
    }
    if n.is_infinite() {
        out.extend_from_slice(if n < 0.0 { b"-inf" } else { b"+inf" });
        return;
    }
    match fmt_kind(fmt) {
        Some(b'f') => c_double(fmt, n, out),
        Some(_) => {
            // An integer conversion (CONVFMT = "%d"): give C a long long.
            let mut f = fmt.to_vec();
            let at = f.len() - 1 - f.iter().rev().position(|b| b"diouxXc".contains(b)).unwrap_or(0);
            f.splice(at..at, *b"ll");
            c_int(&f, n as i64, out)
        }
        None => c_double(b"%.6g", n, out),
    }
}

/// Whether `fmt` is one conversion of a double (b'f') or an integer
/// (b'd'), safe to hand to snprintf.
fn fmt_kind(fmt: &[u8]) -> Option<u8> {
    let p = fmt.iter().position(|&b| b == b'%')?;
    let mut i = p + 1;
    while i < fmt.len() && b"-+ #0".contains(&fmt[i]) {
        i += 1;
    }
    while i < fmt.len() && fmt[i].is_ascii_digit() {
        i += 1;
    }
    if i < fmt.len() && fmt[i] == b'.' {
        i += 1;
        while i < fmt.len() && fmt[i].is_ascii_digit() {
            i += 1;
        }
    }
    if i >= fmt.len() || fmt[i + 1..].contains(&b'%') || fmt.contains(&0) {
        return None;
    }
    if b"eEfFgGaA".contains(&fmt[i]) {
        Some(b'f')
    } else if b"diouxX".contains(&fmt[i]) {
        Some(b'd')
    } else {
        None
    }
}

/// snprintf of one double with a C format (already checked).
pub fn c_double(fmt: &[u8], n: f64, out: &mut Vec<u8>) {
    let mut cfmt = fmt.to_vec();
    cfmt.push(0);
    let mut buf = [0u8; 128];
    // SAFETY: cfmt is NUL-terminated with exactly one double conversion;
    // snprintf writes at most buf.len() bytes.
    let len = unsafe {
        libc::snprintf(
            buf.as_mut_ptr().cast(),
            buf.len(),
            cfmt.as_ptr().cast(),
            n,
        )
    };
    if len < 0 {
        return;
    }
    let len = len as usize;
    if len < buf.len() {
        out.extend_from_slice(&buf[..len]);
        return;
    }
    let mut big = vec![0u8; len + 1];
    // SAFETY: as above, with a buffer of the size snprintf asked for.
    unsafe {
        libc::snprintf(big.as_mut_ptr().cast(), big.len(), cfmt.as_ptr().cast(), n);
    }
    out.extend_from_slice(&big[..len]);
}

/// snprintf of one 64-bit integer with a C format (`%lld`-style, checked).
pub fn c_int(fmt: &[u8], n: i64, out: &mut Vec<u8>) {
    let mut cfmt = fmt.to_vec();
    cfmt.push(0);
    let mut buf = [0u8; 128];
    // SAFETY: cfmt holds one long long conversion and is NUL-terminated.
    let len = unsafe {
        libc::snprintf(
            buf.as_mut_ptr().cast(),
            buf.len(),
            cfmt.as_ptr().cast(),
            n as libc::c_longlong,
        )
    };
    if len < 0 {
        return;
    }
    let len = len as usize;
    if len < buf.len() {
        out.extend_from_slice(&buf[..len]);
        return;
    }
    let mut big = vec![0u8; len + 1];
    // SAFETY: as above.
    unsafe {
        libc::snprintf(
            big.as_mut_ptr().cast(),
            big.len(),
            cfmt.as_ptr().cast(),
            n as libc::c_longlong,
        );
    }
    out.extend_from_slice(&big[..len]);
}

/// A compiled awk regular expression.
pub struct Re {
    /// The compiled pattern; None for a plain string (found by memmem).
    pat: Option<Pattern>,
    /// The text to look for when the expression is a plain string.
    literal: Option<Vec<u8>>,
}

impl std::fmt::Debug for Re {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Re")
    }
}

impl Re {
    /// Compiles awk regex text (escapes as written in `/.../` or after a
    /// string's own escapes were processed).
    pub fn new(src: &[u8]) -> Result<Re, String> {
        let ere = to_ere(src);
        let syn = Syntax {
            extended: true,
            icase: false,
            newline: false,
            zero: false,
            strict: false,
        };
        if !ere.is_empty() && !ere.iter().any(|b| META.contains(b)) {
            return Ok(Re {
                pat: None,
                literal: Some(ere),
            });
        }
        let pat = Pattern::new(&ere, syn).map_err(|e| {
            format!("regular expression /{}/: {e}", String::from_utf8_lossy(src))
        })?;
        Ok(Re {
            pat: Some(pat),
            literal: None,
        })
    }

    pub fn is_match(&self, s: &[u8]) -> bool {
        match (&self.literal, &self.pat) {
            (Some(l), _) => memchr::memmem::find(s, l).is_some(),
            (None, Some(p)) => p.is_match(s),
            (None, None) => false,
        }
    }

    pub fn find_at(&self, s: &[u8], start: usize) -> Option<(usize, usize)> {
        match (&self.literal, &self.pat) {
            (Some(l), _) => {
                let i = memchr::memmem::find(s.get(start..)?, l)?;
                Some((start + i, start + i + l.len()))
            }
            (None, Some(p)) => p.find_at(s, start),
            (None, None) => None,
        }
    }

    /// The number of parenthesised groups.
    pub fn groups(&self) -> usize {
        self.pat.as_ref().map_or(0, Pattern::groups)
    }

    /// The match at or after `start` with its groups in `spans`.
    pub fn captures_at(&self, s: &[u8], start: usize, spans: &mut [crate::regex::Span]) -> bool {
        match &self.pat {
            Some(p) if self.literal.is_none() => p.captures_at(s, start, spans),
            _ => match self.find_at(s, start) {
                Some(m) => {
                    if let Some(first) = spans.first_mut() {
                        *first = Some(m);
                    }
                    true
                }
                None => false,
            },
        }
    }
}

const META: &[u8] = b"\\^$.[]|()*+?{}";

fn push_lit(b: u8, out: &mut Vec<u8>) {
    if META.contains(&b) {
        out.push(b'\\');
    }
    out.push(b);
}

/// Decodes an awk escape at `s` (after the backslash): the byte and the
/// length used, or None for an escape that keeps its regex meaning.
fn regex_escape(s: &[u8]) -> Option<(u8, usize)> {
    let c = *s.first()?;
    Some(match c {
        b'n' => (b'\n', 1),
        b't' => (b'\t', 1),
        b'r' => (b'\r', 1),
        b'f' => (12, 1),
        b'v' => (11, 1),
        b'a' => (7, 1),
        b'b' => (8, 1),
        b'/' => (b'/', 1),
        b'"' => (b'"', 1),
        b'0'..=b'7' => {
            let mut v = 0u32;
            let mut n = 0;
            while n < 3 && n < s.len() && (b'0'..=b'7').contains(&s[n]) {
                v = v * 8 + u32::from(s[n] - b'0');
                n += 1;
            }
            (v as u8, n)
        }
        _ => return None,
    })
}

/// Whether `{` at `s` starts a valid interval `{n}`, `{n,}`, `{n,m}`.
fn is_interval(s: &[u8]) -> bool {
    let mut i = 1;
    let d0 = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    // `{,N}` is `{0,N}` (gawk, BusyBox).
    if i == d0 && !(s.get(i) == Some(&b',') && s.get(i + 1).is_some_and(u8::is_ascii_digit)) {
        return false;
    }
    if i < s.len() && s[i] == b',' {
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
    }
    i < s.len() && s[i] == b'}'
}

/// Translates awk's regex dialect to the shared ERE syntax: awk escapes
/// become bytes, brackets may hold backslash escapes, a `{` that is no
/// interval is literal, and `\y` is a word boundary.
pub fn to_ere(src: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(src.len() + 8);
    let mut i = 0;
    // Where an operand may start (for a literal `*`, `+`, `?` or `{`).
    let mut at_start = true;
    while i < src.len() {
        let c = src[i];
        match c {
            b'\\' => {
                if i + 1 >= src.len() {
                    out.extend_from_slice(b"\\\\");
                    i += 1;
                    continue;
                }
                if let Some((b, n)) = regex_escape(&src[i + 1..]) {
                    push_lit(b, &mut out);
                    i += 1 + n;
                } else {
                    let e = src[i + 1];
                    if e == b'y' {
                        out.extend_from_slice(b"\\b");
                    } else {
                        out.push(b'\\');
                        out.push(e);
                    }
                    i += 2;
                }
                at_start = false;
            }
            b'[' => {
                i = bracket(src, i, &mut out);
                at_start = false;
            }
            b'{' => {
                if at_start || !is_interval(&src[i..]) {
                    out.extend_from_slice(b"\\{");
                } else {
                    out.push(b'{');
                    if src.get(i + 1) == Some(&b',') {
                        out.push(b'0');
                    }
                }
                i += 1;
                at_start = false;
            }
            b'*' | b'+' | b'?' if at_start => {
                out.push(b'\\');
                out.push(c);
                i += 1;
                at_start = false;
            }
            b'(' | b'|' => {
                out.push(c);
                i += 1;
                at_start = true;
            }
            b'^' => {
                out.push(c);
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
                at_start = false;
            }
        }
    }
    out
}

/// Copies a bracket expression starting at `src[i]` (`[`), turning
/// escapes into collating symbols; returns the index after it.
fn bracket(src: &[u8], start: usize, out: &mut Vec<u8>) -> usize {
    let mut i = start + 1;
    let mut body = Vec::new();
    let mut negated = false;
    if i < src.len() && src[i] == b'^' {
        negated = true;
        i += 1;
    }
    let first = i;
    loop {
        if i >= src.len() {
            // Unterminated: let the engine report it.
            out.push(b'[');
            if negated {
                out.push(b'^');
            }
            out.extend_from_slice(&src[first..]);
            return src.len();
        }
        let c = src[i];
        if c == b']' && i > first {
            i += 1;
            break;
        }
        if c == b'[' && matches!(src.get(i + 1), Some(b':' | b'.' | b'=')) {
            let k = src[i + 1];
            let mut j = i + 2;
            while j + 1 < src.len() && !(src[j] == k && src[j + 1] == b']') {
                j += 1;
            }
            let end = (j + 2).min(src.len());
            body.extend_from_slice(&src[i..end]);
            i = end;
            continue;
        }
        if c == b'\\' && i + 1 < src.len() {
            let (b, n) = regex_escape(&src[i + 1..]).unwrap_or((src[i + 1], 1));
            i += 1 + n;
            if b.is_ascii_alphanumeric() {
                body.push(b);
            } else {
                body.extend_from_slice(b"[.");
                body.push(b);
                body.extend_from_slice(b".]");
            }
            continue;
        }
        body.push(c);
        i += 1;
    }
    out.push(b'[');
    if negated {
        out.push(b'^');
    }
    out.extend_from_slice(&body);
    out.push(b']');
    i
}

/// The number of characters in `s` when `utf8`, else its bytes (bytes
/// that continue a UTF-8 sequence are not counted).
pub fn char_len(s: &[u8], utf8: bool) -> usize {
    if utf8 {
        s.iter().filter(|&&b| b & 0xC0 != 0x80).count()
    } else {
        s.len()
    }
}

/// The byte offset of character `n` (from 0) of `s`, or its length.
pub fn char_offset(s: &[u8], n: usize, utf8: bool) -> usize {
    if !utf8 {
        return n.min(s.len());
    }
    let mut seen = 0;
    for (i, &b) in s.iter().enumerate() {
        if b & 0xC0 != 0x80 {
            if seen == n {
                return i;
            }
            seen += 1;
        }
    }
    s.len()
}
