//! seq: print a sequence of numbers.
//! GNU coreutils: https://www.gnu.org/software/coreutils/manual/html_node/seq-invocation.html
//!
//! `seq [FIRST [INCREMENT]] LAST`. Decimal operands (`3`, `-0.25`, `1.5e3`)
//! are added exactly, so `seq 0 0.1 1` ends at `1.0` and integers of any
//! length up to 38 digits count without rounding (GNU rounds through `long
//! double` beyond 19 digits). The output has as many decimals as FIRST and
//! INCREMENT have, as in GNU; `-w` pads with zeros to the width of the
//! widest of FIRST and LAST. Hex operands (`0x10`, `0x1p-1`) and numbers out
//! of that range go through `double`, printed with `%g`. `-f FORMAT` takes
//! one floating-point directive (`%e %f %g %a`, with flags, width,
//! precision). A LAST of `inf` never ends.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::Out;
use crate::{Applet, Dir};
use std::ffi::{CString, OsString};
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "seq",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-w] [-s SEP] [-f FORMAT] [FIRST [INCREMENT]] LAST",
    help: "Print the numbers from FIRST to LAST in steps of INCREMENT\n\
(FIRST and INCREMENT default to 1).\n\
\n\
\t-f FORMAT\tprintf-style floating-point FORMAT (%g, %.2f, ...)\n\
\t-s SEP\t\tSeparate the numbers with SEP (default: newline)\n\
\t-w\t\tPad with leading zeros to equal width",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::value('f', "format"),
    Opt::value('s', "separator"),
    Opt::flag('w', "equal-width"),
];

/// A decimal operand, exactly: `mantissa / 10^scale`.
#[derive(Clone, Copy, Debug)]
struct Dec {
    mantissa: i128,
    scale: u32,
    /// The decimals the operand shows (`1.50` has 2, `1e-1` has 1).
    precision: u32,
    negative_zero: bool,
}

/// An operand as parsed.
#[derive(Clone, Copy, Debug)]
enum Num {
    Exact(Dec),
    /// Hex, out of range or infinite: through `double`.
    Float(f64),
}

impl Num {
    fn to_f64(self) -> f64 {
        match self {
            Num::Exact(d) => d.mantissa as f64 / 10f64.powi(d.scale as i32),
            Num::Float(f) => f,
        }
    }
}

/// Parses `[blanks][+-]digits[.digits][e[+-]digits]` exactly; returns None
/// when the text is not in that form or does not fit.
fn parse_decimal(s: &[u8]) -> Option<Dec> {
    let s = &s[s.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(s.len())..];
    let (negative, s) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let int_len = s.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut rest = &s[int_len..];
    let mut frac: &[u8] = &[];
    if rest.first() == Some(&b'.') {
        let n = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        frac = &rest[1..1 + n];
        rest = &rest[1 + n..];
    }
    if int_len == 0 && frac.is_empty() {
        return None;
    }
    let mut exp: i64 = 0;
    if let Some((b'e' | b'E', e)) = rest.split_first() {
        let (eneg, e) = match e.first() {
            Some(b'-') => (true, &e[1..]),
            Some(b'+') => (false, &e[1..]),
            _ => (false, e),
        };
        if e.is_empty() || !e.iter().all(u8::is_ascii_digit) || e.len() > 6 {
            return None;
        }
        let v: i64 = std::str::from_utf8(e).ok()?.parse().ok()?;
        exp = if eneg { -v } else { v };
        rest = &[];
    }
    if !rest.is_empty() {
        return None;
    }
    let mut mantissa: i128 = 0;
    for &c in s[..int_len].iter().chain(frac) {
        mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(c - b'0'))?;
    }
    let mut scale = frac.len() as i64 - exp;
    while scale < 0 {
        mantissa = mantissa.checked_mul(10)?;
        scale += 1;
    }
    if scale > 38 {
        return None;
    }
    Some(Dec {
        mantissa: if negative { -mantissa } else { mantissa },
        scale: scale as u32,
        precision: scale as u32,
        negative_zero: negative && mantissa == 0,
    })
}

fn parse(s: &[u8]) -> Result<Num, &'static str> {
    if let Some(d) = parse_decimal(s) {
        return Ok(Num::Exact(d));
    }
    let c = CString::new(s).map_err(|_| "invalid floating point argument")?;
    let mut end: *mut libc::c_char = std::ptr::null_mut();
    // SAFETY: `c` is NUL-terminated and `end` a valid out pointer.
    let v = unsafe { libc::strtod(c.as_ptr(), &mut end) };
    let read = (end as usize).wrapping_sub(c.as_ptr() as usize);
    if s.is_empty() || read != s.len() {
        return Err("invalid floating point argument");
    }
    if v.is_nan() {
        return Err("invalid 'not-a-number' argument");
    }
    Ok(Num::Float(v))
}

/// Checks a `-f` format: one `%` directive of a floating-point conversion,
/// `%%` apart. Returns the format with `L` removed (we print doubles).
fn check_format(f: &[u8]) -> Result<Vec<u8>, String> {
    let shown = String::from_utf8_lossy(f);
    let mut out = Vec::with_capacity(f.len());
    let mut seen = false;
    let mut i = 0;
    while i < f.len() {
        out.push(f[i]);
        if f[i] != b'%' {
            i += 1;
            continue;
        }
        if f.get(i + 1) == Some(&b'%') {
            out.push(b'%');
            i += 2;
            continue;
        }
        if seen {
            return Err(format!("format '{shown}' has too many % directives"));
        }
        seen = true;
        i += 1;
        while f.get(i).is_some_and(|c| b"-+ #0'".contains(c)) {
            out.push(f[i]);
            i += 1;
        }
        while f.get(i).is_some_and(|c| c.is_ascii_digit() || *c == b'.') {
            out.push(f[i]);
            i += 1;
        }
        if f.get(i) == Some(&b'L') {
            i += 1;
        }
        match f.get(i) {
            Some(c) if b"aAeEfFgG".contains(c) => {
                out.push(*c);
                i += 1;
            }
            Some(&c) => {
                return Err(format!(
                    "format '{shown}' has unknown %{} directive",
                    c as char
                ))
            }
            None => return Err(format!("format '{shown}' ends in %")),
        }
    }
    if !seen {
        return Err(format!("format '{shown}' has no % directive"));
    }
    Ok(out)
}

/// Formats a double with a C format holding one double conversion.
fn c_double(fmt: &CString, v: f64, out: &mut Vec<u8>) {
    let mut buf = [0u8; 512];
    // SAFETY: `fmt` holds exactly one double conversion (checked); the
    // buffer holds its length.
    let n = unsafe { libc::snprintf(buf.as_mut_ptr().cast(), buf.len(), fmt.as_ptr(), v) };
    if n < 0 {
        return;
    }
    let n = n as usize;
    if n < buf.len() {
        out.extend_from_slice(&buf[..n]);
        return;
    }
    let mut big = vec![0u8; n + 1];
    // SAFETY: as above, with a buffer of n + 1 bytes.
    let m = unsafe { libc::snprintf(big.as_mut_ptr().cast(), big.len(), fmt.as_ptr(), v) };
    if m >= 0 {
        out.extend_from_slice(&big[..n]);
    }
}

/// The decimal digits of `v` at the end of `buf`.
fn digits(mut v: u128, buf: &mut [u8; 40]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            return &buf[i..];
        }
    }
}

/// Writes `m / 10^scale` with `precision` decimals (precision <= scale is
/// never asked to round: every value printed has at most that many) and
/// pads with zeros after the sign to `width`.
fn write_dec(m: i128, scale: u32, precision: u32, width: usize, negative_zero: bool, out: &mut Vec<u8>) {
    let mut buf = [0u8; 40];
    let digits = digits(m.unsigned_abs(), &mut buf);
    let scale = scale as usize;
    let precision = precision as usize;
    let (int, frac): (&[u8], &[u8]) = if digits.len() > scale {
        digits.split_at(digits.len() - scale)
    } else {
        (b"0", digits)
    };
    let negative = m < 0 || negative_zero;
    let len = usize::from(negative) + int.len() + if precision > 0 { precision + 1 } else { 0 };
    if negative {
        out.push(b'-');
    }
    out.resize(out.len() + width.saturating_sub(len), b'0');
    out.extend_from_slice(int);
    if precision > 0 {
        out.push(b'.');
        // Leading zeros of a fraction shorter than the scale.
        let lead = scale.saturating_sub(frac.len()).min(precision);
        out.resize(out.len() + lead, b'0');
        let take = (precision - lead).min(frac.len());
        out.extend_from_slice(&frac[..take]);
        out.resize(out.len() + precision - lead - take, b'0');
    }
}

/// Counts up by one from `x` (not negative) in ASCII, as GNU's fast path
/// does: `count` numbers, or without end. Each number goes out with the
/// separator before it as one fixed-size copy of a template.
fn count_up(p: &mut Printer, x: i128, count: Option<u128>) {
    const CHUNK: usize = 64 * 1024;
    const COPY: usize = 48;
    let mut buf = [0u8; 40];
    let d = digits(x.unsigned_abs(), &mut buf);
    if p.sep.len() + 40 > COPY {
        return count_general(p, x, count);
    }
    // The template: separator, then the digits, then slack.
    let mut line = [0u8; COPY + 1];
    let sl = p.sep.len();
    line[..sl].copy_from_slice(p.sep);
    line[sl..sl + d.len()].copy_from_slice(d);
    let mut len = sl + d.len();
    let mut out = vec![0u8; CHUNK + COPY];
    let mut pos = 0;
    let mut left = count;
    let mut first = p.first;
    while left != Some(0) {
        if first {
            // The first number has no separator before it.
            out[pos..pos + COPY - sl].copy_from_slice(&line[sl..COPY]);
            pos += len - sl;
            first = false;
        } else {
            out[pos..pos + COPY].copy_from_slice(&line[..COPY]);
            pos += len;
        }
        left = left.map(|n| n - 1);
        if pos >= CHUNK {
            p.out.write_bytes(&out[..pos]);
            pos = 0;
            if !p.out.ok() {
                break;
            }
        }
        let mut k = len - 1;
        loop {
            if line[k] != b'9' {
                line[k] += 1;
                break;
            }
            line[k] = b'0';
            if k == sl {
                // 99 becomes 100.
                if len + 1 > COPY - 8 {
                    p.out.write_bytes(&out[..pos]);
                    p.first = false;
                    if let Some(v) = 10i128.checked_pow((len - sl) as u32) {
                        count_general(p, v, left);
                    }
                    return;
                }
                line[sl] = b'1';
                line[len] = b'0';
                len += 1;
                break;
            }
            k -= 1;
        }
    }
    p.first = first;
    p.out.write_bytes(&out[..pos]);
}

/// The same, one number at a time.
fn count_general(p: &mut Printer, mut x: i128, count: Option<u128>) {
    let mut left = count;
    while left != Some(0) {
        if !p.next() {
            return;
        }
        write_dec(x, 0, 0, 0, false, &mut p.buf);
        left = left.map(|n| n - 1);
        match x.checked_add(1) {
            Some(n) => x = n,
            None => return,
        }
    }
}

/// The width of a number's integer part with its sign, plus the decimals.
fn dec_width(d: &Dec, precision: u32) -> usize {
    let digits = d.mantissa.unsigned_abs().to_string().len();
    let int = digits.saturating_sub(d.scale as usize).max(1);
    let sign = usize::from(d.mantissa < 0 || d.negative_zero);
    sign + int + if precision > 0 { precision as usize + 1 } else { 0 }
}

struct Printer<'a> {
    out: &'a mut Out,
    sep: &'a [u8],
    buf: Vec<u8>,
    first: bool,
}

impl Printer<'_> {
    /// Starts the next number; false once output has failed.
    fn next(&mut self) -> bool {
        if !self.first {
            self.buf.extend_from_slice(self.sep);
        }
        self.first = false;
        if self.buf.len() >= 32 * 1024 {
            self.out.write_bytes(&self.buf);
            self.buf.clear();
            return self.out.ok();
        }
        true
    }

    fn end(mut self) {
        if !self.first {
            self.buf.push(b'\n');
        }
        self.out.write_bytes(&self.buf);
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS).negative_numbers();
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    if m.operands.is_empty() {
        return parser.usage_error(args, "missing operand");
    }
    if let Err(status) = parser.at_most(args, &m, 3) {
        return status;
    }
    let mut nums = Vec::with_capacity(3);
    for op in &m.operands {
        match parse(op.as_bytes()) {
            Ok(n) => nums.push(n),
            Err(why) => {
                let shown = String::from_utf8_lossy(op.as_bytes()).into_owned();
                return parser.usage_error(args, format_args!("{why}: '{shown}'"));
            }
        }
    }
    let one = Num::Exact(Dec {
        mantissa: 1,
        scale: 0,
        precision: 0,
        negative_zero: false,
    });
    let (first, step, last) = match nums[..] {
        [l] => (one, one, l),
        [f, l] => (f, one, l),
        [f, s, l] => (f, s, l),
        _ => unreachable!("one to three operands"),
    };
    if step.to_f64() == 0.0 {
        let shown = String::from_utf8_lossy(m.operands[1].as_bytes()).into_owned();
        return parser.usage_error(args, format_args!("invalid Zero increment value: '{shown}'"));
    }
    if m.has("f") && m.has("w") {
        return parser.usage_error(
            args,
            "format string may not be specified when printing equal width strings",
        );
    }
    let format = match m.value("f") {
        Some(f) => match check_format(f.as_bytes()) {
            Ok(f) => CString::new(f).ok(),
            Err(msg) => {
                Diag::new(args).error(msg);
                return 1;
            }
        },
        None => None,
    };
    let sep = m.value("s").map_or(&b"\n"[..], |s| s.as_bytes());
    let mut out = Out::stdout();
    let mut p = Printer {
        out: &mut out,
        sep,
        buf: Vec::with_capacity(64 * 1024),
        first: true,
    };
    match (first, step, last) {
        (Num::Exact(f), Num::Exact(s), l) if exact_last(l).is_some() => {
            exact(&mut p, f, s, l, m.has("w"), format.as_ref());
        }
        _ => floating(&mut p, first, step, last, m.has("w"), format.as_ref()),
    }
    p.end();
    out.finish(&crate::diag::name_of(args), 0)
}

/// LAST for the exact loop: a decimal, or an infinity (no end).
fn exact_last(l: Num) -> Option<Num> {
    match l {
        Num::Exact(_) => Some(l),
        Num::Float(f) if f.is_infinite() => Some(l),
        _ => None,
    }
}

fn exact(p: &mut Printer, f: Dec, s: Dec, l: Num, wide: bool, format: Option<&CString>) {
    let precision = f.precision.max(s.precision);
    // All three on one scale; LAST may have more decimals than it shows.
    let scale = match l {
        Num::Exact(d) => precision.max(d.scale),
        _ => precision,
    };
    let up = |d: &Dec| -> Option<i128> {
        d.mantissa.checked_mul(10i128.checked_pow(scale - d.scale)?)
    };
    let (Some(mut x), Some(step)) = (up(&f), up(&s)) else {
        return floating(p, Num::Exact(f), Num::Exact(s), l, wide, format);
    };
    let limit = match l {
        Num::Exact(d) => match up(&d) {
            Some(v) => Some(v),
            None => return floating(p, Num::Exact(f), Num::Exact(s), l, wide, format),
        },
        _ => None,
    };
    if let Num::Float(inf) = l {
        // Counting towards an infinity in the other direction: nothing.
        if (inf > 0.0) != (step > 0) {
            return;
        }
    }
    let width = match (wide, l) {
        (true, Num::Exact(d)) => dec_width(&f, precision).max(dec_width(&d, precision)),
        _ => 0,
    };
    if format.is_none() && scale == 0 && width == 0 && step == 1 && x >= 0 && !f.negative_zero {
        let count = limit.map(|l| if l < x { 0 } else { (l - x) as u128 + 1 });
        return count_up(p, x, count);
    }
    let mut negative_zero = f.negative_zero;
    loop {
        if let Some(limit) = limit {
            if (step > 0 && x > limit) || (step < 0 && x < limit) {
                break;
            }
        }
        if !p.next() {
            return;
        }
        match format {
            Some(fmt) => c_double(fmt, x as f64 / 10f64.powi(scale as i32), &mut p.buf),
            None => write_dec(x, scale, precision, width, negative_zero, &mut p.buf),
        }
        negative_zero = false;
        match x.checked_add(step) {
            Some(n) => x = n,
            None => break,
        }
    }
}

fn floating(p: &mut Printer, f: Num, s: Num, l: Num, wide: bool, format: Option<&CString>) {
    let (first, step, last) = (f.to_f64(), s.to_f64(), l.to_f64());
    // Decimals are known only when FIRST and INCREMENT are decimals.
    let precision = match (f, s) {
        (Num::Exact(a), Num::Exact(b)) => Some(a.precision.max(b.precision)),
        _ => None,
    };
    let default = match precision {
        Some(pr) => {
            let w = match (wide, f, l) {
                (true, Num::Exact(a), Num::Exact(b)) => dec_width(&a, pr).max(dec_width(&b, pr)),
                _ => 0,
            };
            format!("%0{w}.{pr}f")
        }
        None => "%g".to_string(),
    };
    let default = CString::new(default).unwrap_or_default();
    let fmt = format.unwrap_or(&default);
    let mut i: u64 = 0;
    loop {
        let x = first + i as f64 * step;
        if (step > 0.0 && x > last) || (step < 0.0 && x < last) || x.is_nan() {
            break;
        }
        if !p.next() {
            return;
        }
        c_double(fmt, x, &mut p.buf);
        i += 1;
        if i == u64::MAX || (x.is_infinite() && i > 1) {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Dec {
        parse_decimal(s.as_bytes()).expect("decimal")
    }

    #[test]
    fn decimals() {
        let d = dec("1.50");
        assert_eq!((d.mantissa, d.scale, d.precision), (150, 2, 2));
        let d = dec("1.5e3");
        assert_eq!((d.mantissa, d.scale), (1500, 0));
        let d = dec("-1e-1");
        assert_eq!((d.mantissa, d.scale), (-1, 1));
        assert!(parse_decimal(b"0x10").is_none());
        assert!(parse_decimal(b".").is_none());
        assert!(parse_decimal(b"1e").is_none());
    }

    #[test]
    fn formatting() {
        let mut v = Vec::new();
        write_dec(-5, 1, 1, 5, false, &mut v);
        assert_eq!(v, b"-00.5");
        v.clear();
        write_dec(7, 2, 2, 0, false, &mut v);
        assert_eq!(v, b"0.07");
        v.clear();
        write_dec(123, 0, 0, 0, false, &mut v);
        assert_eq!(v, b"123");
    }
}
