//! The `printf` engine, shared by the `printf` applet and the shell builtin.
//!
//! A format is run over its arguments as POSIX says: each directive takes
//! the next argument (a missing one counts as an empty string or zero), and
//! while arguments remain after a pass that used some, the format runs again.
//! Numbers are read as C's `strtoll`/`strtoull`/`strtod` read them (`0x1f`,
//! `010`, `-1` for `%u`, `1e3`, `0x1p4`), or as the byte after a leading `'`
//! or `"`. A bad number is reported and counts as what was read of it, and
//! the run goes on; an invalid directive ends the run. Numbers are formatted
//! by the C library, so `%e %g %a` print exactly as C does; floating point
//! is `double`, as in BusyBox and dash (GNU uses `long double`).
//!
//! Choices where the references differ: flags, width and precision are taken
//! on every conversion (`%5b`, `%.1c`, as dash and BusyBox do; GNU rejects
//! some), `'` on a number groups nothing (the C locale), and an escape the
//! format does not know, `\x` without digits among them, stands for itself
//! (as BusyBox; GNU stops with an error).

use crate::diag::Diag;
use crate::escape::{self, Escape, Style};
use std::ffi::CString;

/// How a run ended.
#[derive(Debug, PartialEq, Eq)]
pub enum End {
    /// The format and the arguments are used up.
    Done,
    /// A `\c` (in a `%b` argument) ended all output.
    Stopped,
    /// An invalid directive ended the run; it has been reported.
    Fatal,
}

/// Runs `fmt` over `args`, appending the output to `out`. Errors go to
/// `diag` (which keeps the exit status). `flush` is called with the output
/// after each pass over the format, so a long argument list does not pile
/// up in memory; it returns false to stop (a write error).
pub fn run(
    diag: &mut Diag,
    fmt: &[u8],
    args: &[&[u8]],
    out: &mut Vec<u8>,
    flush: &mut dyn FnMut(&mut Vec<u8>) -> bool,
) -> End {
    let mut rest = args;
    loop {
        let mut pass = Pass {
            diag: &mut *diag,
            args: rest,
            used: 0,
        };
        let end = pass.format(fmt, out);
        let used = pass.used;
        rest = &rest[used..];
        if !flush(out) {
            return End::Done;
        }
        if end != End::Done {
            return end;
        }
        if rest.is_empty() {
            return End::Done;
        }
        if used == 0 {
            diag.warn(format_args!(
                "warning: ignoring excess arguments, starting with {}",
                quoted(rest[0])
            ));
            return End::Done;
        }
    }
}

fn quoted(s: &[u8]) -> String {
    format!("'{}'", String::from_utf8_lossy(s).replace('\'', "\\'"))
}

/// One directive's flags, width and precision.
#[derive(Default)]
struct Spec {
    flags: Vec<u8>,
    width: Option<usize>,
    left: bool,
    precision: Option<usize>,
}

struct Pass<'d, 'a> {
    diag: &'d mut Diag,
    args: &'a [&'a [u8]],
    used: usize,
}

/// A number read from an argument: what was read, and whether the whole
/// argument was a number.
#[derive(Clone, Copy)]
enum Int {
    Signed(i64),
    Unsigned(u64),
}

impl<'a> Pass<'_, 'a> {
    fn next_arg(&mut self) -> Option<&'a [u8]> {
        let a = self.args.get(self.used).copied();
        if a.is_some() {
            self.used += 1;
        }
        a
    }

    fn format(&mut self, fmt: &[u8], out: &mut Vec<u8>) -> End {
        let mut i = 0;
        while i < fmt.len() {
            let Some(off) = fmt[i..].iter().position(|&b| b == b'%' || b == b'\\') else {
                out.extend_from_slice(&fmt[i..]);
                break;
            };
            out.extend_from_slice(&fmt[i..i + off]);
            i += off;
            if fmt[i] == b'\\' {
                match escape::decode(&fmt[i + 1..], Style::Format) {
                    Escape::Stop => return End::Stopped,
                    Escape::Byte(b, used) => {
                        out.push(b);
                        i += 1 + used;
                    }
                }
                continue;
            }
            if fmt.get(i + 1) == Some(&b'%') {
                out.push(b'%');
                i += 2;
                continue;
            }
            match self.directive(fmt, i, out) {
                Ok(next) => i = next,
                Err(end) => return end,
            }
        }
        End::Done
    }

    /// Formats the directive at `fmt[start]` (a `%`); returns the index
    /// after it.
    fn directive(&mut self, fmt: &[u8], start: usize, out: &mut Vec<u8>) -> Result<usize, End> {
        let mut i = start + 1;
        let mut spec = Spec::default();
        while let Some(&c) = fmt.get(i) {
            if !b"-+ #0'".contains(&c) {
                break;
            }
            if c == b'-' {
                spec.left = true;
            } else if !spec.flags.contains(&c) {
                spec.flags.push(c);
            }
            i += 1;
        }
        if fmt.get(i) == Some(&b'*') {
            i += 1;
            let w = self.star("field width")?;
            if w < 0 {
                spec.left = true;
            }
            spec.width = Some(w.unsigned_abs() as usize);
        } else {
            let (w, n) = digits(&fmt[i..]);
            if n > 0 {
                spec.width = Some(self.small(w, &fmt[start..i + n], "field width")?);
            }
            i += n;
        }
        if fmt.get(i) == Some(&b'.') {
            i += 1;
            if fmt.get(i) == Some(&b'*') {
                i += 1;
                let p = self.star("precision")?;
                spec.precision = (p >= 0).then_some(p as usize);
            } else {
                let (p, n) = digits(&fmt[i..]);
                spec.precision = Some(self.small(p, &fmt[start..i + n], "precision")?);
                i += n;
            }
        }
        while fmt.get(i).is_some_and(|c| b"hlLqjzt".contains(c)) {
            i += 1;
        }
        let Some(&conv) = fmt.get(i) else {
            self.invalid(&fmt[start..]);
            return Err(End::Fatal);
        };
        let arg = self.next_arg();
        match conv {
            b'd' | b'i' => {
                let v = self.int(arg.unwrap_or_default(), true);
                self.number(&spec, b"ll", conv, v, out);
            }
            b'o' | b'u' | b'x' | b'X' => {
                let v = self.int(arg.unwrap_or_default(), false);
                self.number(&spec, b"ll", conv, v, out);
            }
            b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => {
                let v = self.float(arg.unwrap_or_default());
                self.c_format(&spec, b"", conv, out, |buf, len, f| {
                    // SAFETY: `f` is a NUL-terminated format with one double
                    // conversion; the buffer holds `len` bytes.
                    unsafe { libc::snprintf(buf, len, f, v) }
                });
            }
            b'c' => {
                let a = arg.unwrap_or_default();
                let byte = [a.first().copied().unwrap_or(0)];
                pad(&spec, &byte, out);
            }
            b's' => {
                let a = arg.unwrap_or_default();
                let a = &a[..spec.precision.map_or(a.len(), |p| p.min(a.len()))];
                pad(&spec, a, out);
            }
            b'b' => {
                let mut text = Vec::new();
                let more = escape::unescape(arg.unwrap_or_default(), Style::Echo, &mut text);
                if let Some(p) = spec.precision {
                    text.truncate(p);
                }
                pad(&spec, &text, out);
                if !more {
                    return Err(End::Stopped);
                }
            }
            _ => {
                self.invalid(&fmt[start..=i]);
                return Err(End::Fatal);
            }
        }
        Ok(i + 1)
    }

    fn invalid(&mut self, directive: &[u8]) {
        self.diag.error(format_args!(
            "{}: invalid conversion specification",
            String::from_utf8_lossy(directive)
        ));
    }

    /// A width or precision given in the format, which must fit an `int`.
    fn small(&mut self, v: Option<u64>, text: &[u8], what: &str) -> Result<usize, End> {
        match v {
            Some(v) if v <= i32::MAX as u64 => Ok(v as usize),
            _ => {
                self.diag.error(format_args!(
                    "invalid {what}: {}",
                    quoted(
                        &text[text
                            .iter()
                            .rposition(|c| !c.is_ascii_digit())
                            .map_or(0, |p| p + 1)..]
                    )
                ));
                Err(End::Fatal)
            }
        }
    }

    /// A `*` width or precision, taken from the next argument.
    fn star(&mut self, what: &str) -> Result<i64, End> {
        let a = self.next_arg().unwrap_or_default();
        let Int::Signed(v) = self.int(a, true) else {
            return Ok(0);
        };
        if v < i64::from(i32::MIN) || v > i64::from(i32::MAX) {
            self.diag
                .error(format_args!("invalid {what}: {}", quoted(a)));
            return Err(End::Fatal);
        }
        Ok(v)
    }

    /// Reads an integer argument, reporting what is wrong with it.
    fn int(&mut self, a: &[u8], signed: bool) -> Int {
        if let Some(c) = self.char_value(a) {
            return if signed {
                Int::Signed(c)
            } else {
                Int::Unsigned(c as u64)
            };
        }
        if let Some(v) = plain_decimal(a) {
            // The common case, without a C string and strtoll.
            return if signed {
                Int::Signed(v)
            } else {
                Int::Unsigned(v as u64)
            };
        }
        let Some((c, s)) = c_arg(a) else {
            return if signed {
                Int::Signed(0)
            } else {
                Int::Unsigned(0)
            };
        };
        let mut end: *mut libc::c_char = std::ptr::null_mut();
        set_errno(0);
        // SAFETY: `c` is NUL-terminated and `end` is a valid out pointer.
        let v = unsafe {
            if signed {
                Int::Signed(libc::strtoll(c.as_ptr(), &mut end, 0))
            } else {
                Int::Unsigned(libc::strtoull(c.as_ptr(), &mut end, 0))
            }
        };
        let errno = get_errno();
        self.check(s, c.as_ptr(), end, errno);
        v
    }

    fn float(&mut self, a: &[u8]) -> f64 {
        if let Some(c) = self.char_value(a) {
            return c as f64;
        }
        let Some((c, s)) = c_arg(a) else {
            return 0.0;
        };
        let mut end: *mut libc::c_char = std::ptr::null_mut();
        set_errno(0);
        // SAFETY: as in `int`.
        let v = unsafe { libc::strtod(c.as_ptr(), &mut end) };
        let errno = get_errno();
        // Underflow to a tiny number is not worth an error, as in GNU.
        let errno = if errno == libc::ERANGE && v.abs() < 1.0 {
            0
        } else {
            errno
        };
        self.check(s, c.as_ptr(), end, errno);
        v
    }

    /// The value of a `'c` or `"c` argument.
    fn char_value(&mut self, a: &[u8]) -> Option<i64> {
        let (&q, rest) = a.split_first()?;
        if q != b'\'' && q != b'"' {
            return None;
        }
        let Some((&c, after)) = rest.split_first() else {
            self.diag
                .error(format_args!("{}: expected a numeric value", quoted(a)));
            return Some(0);
        };
        if !after.is_empty() {
            self.diag.warn(format_args!(
                "warning: {}: character(s) following character constant have been ignored",
                String::from_utf8_lossy(after)
            ));
        }
        Some(i64::from(c))
    }

    /// Reports a number that was not all read, or out of range.
    fn check(&mut self, a: &[u8], start: *const libc::c_char, end: *mut libc::c_char, errno: i32) {
        let read = (end as usize).wrapping_sub(start as usize);
        if read == 0 {
            self.diag
                .error(format_args!("{}: expected a numeric value", quoted(a)));
        } else if read < a.len() {
            self.diag.error(format_args!(
                "{}: value not completely converted",
                quoted(a)
            ));
        } else if errno != 0 {
            self.diag.error(format_args!(
                "{}: {}",
                quoted(a),
                crate::diag::errno_text(errno)
            ));
        }
    }

    fn number(&mut self, spec: &Spec, len: &[u8], conv: u8, v: Int, out: &mut Vec<u8>) {
        if spec.flags.is_empty() && spec.width.is_none() && spec.precision.is_none() {
            // Plain `%d`/`%u`: the digits directly.
            match (conv, v) {
                (b'd' | b'i', Int::Signed(x)) => {
                    if x < 0 {
                        out.push(b'-');
                    }
                    return crate::num::push_u64(out, x.unsigned_abs());
                }
                (b'u', Int::Unsigned(x)) => return crate::num::push_u64(out, x),
                _ => {}
            }
        }
        self.c_format(spec, len, conv, out, |buf, n, f| match v {
            // SAFETY: `f` is a NUL-terminated format with one long long
            // conversion; the buffer holds `n` bytes.
            Int::Signed(x) => unsafe { libc::snprintf(buf, n, f, x as libc::c_longlong) },
            Int::Unsigned(x) => unsafe { libc::snprintf(buf, n, f, x as libc::c_ulonglong) },
        });
    }

    /// Formats one value with the C library: builds `%<flags><w>.<p><len><conv>`
    /// and calls `call(buffer, size, format)` twice, to size and to fill.
    fn c_format(
        &mut self,
        spec: &Spec,
        len: &[u8],
        conv: u8,
        out: &mut Vec<u8>,
        call: impl Fn(*mut libc::c_char, usize, *const libc::c_char) -> libc::c_int,
    ) {
        let mut f = vec![b'%'];
        if spec.left {
            f.push(b'-');
        }
        f.extend_from_slice(&spec.flags);
        if let Some(w) = spec.width {
            f.extend_from_slice(w.to_string().as_bytes());
        }
        if let Some(p) = spec.precision {
            f.push(b'.');
            f.extend_from_slice(p.to_string().as_bytes());
        }
        f.extend_from_slice(len);
        f.push(conv);
        let Ok(f) = CString::new(f) else {
            return;
        };
        let mut small = [0u8; 128];
        let n = call(small.as_mut_ptr().cast(), small.len(), f.as_ptr());
        if n < 0 {
            self.diag.error(crate::diag::errno_text(get_errno()));
            return;
        }
        let n = n as usize;
        if n < small.len() {
            out.extend_from_slice(&small[..n]);
            return;
        }
        let mut big = vec![0u8; n + 1];
        let m = call(big.as_mut_ptr().cast(), big.len(), f.as_ptr());
        if m >= 0 {
            out.extend_from_slice(&big[..(m as usize).min(n)]);
        }
    }
}

/// Pads `s` to the spec's width with spaces, on the left unless `-`.
fn pad(spec: &Spec, s: &[u8], out: &mut Vec<u8>) {
    let fill = spec.width.unwrap_or(0).saturating_sub(s.len());
    if !spec.left {
        out.resize(out.len() + fill, b' ');
    }
    out.extend_from_slice(s);
    if spec.left {
        out.resize(out.len() + fill, b' ');
    }
}

/// Decimal digits at the start of `s`: the value (None on overflow) and how
/// many there were.
fn digits(s: &[u8]) -> (Option<u64>, usize) {
    let n = s.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut v = Some(0u64);
    for &c in &s[..n] {
        v = v
            .and_then(|v| v.checked_mul(10))
            .and_then(|v| v.checked_add(u64::from(c - b'0')));
    }
    (v, n)
}

/// An argument that is only an optional `-` and at most 18 decimal digits
/// without a leading zero (so not octal, and no overflow): its value.
fn plain_decimal(a: &[u8]) -> Option<i64> {
    let (neg, d) = match a.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, a),
    };
    if d.is_empty() || d.len() > 18 || (d[0] == b'0' && d.len() > 1) {
        return None;
    }
    let mut v: i64 = 0;
    for &c in d {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + i64::from(c - b'0');
    }
    Some(if neg { -v } else { v })
}

/// The argument as a C string, or None when it is empty (zero, no error).
fn c_arg(a: &[u8]) -> Option<(CString, &[u8])> {
    if a.is_empty() {
        return None;
    }
    // An argument cannot hold a NUL; a shell string could, so stop there.
    let a = &a[..a.iter().position(|&b| b == 0).unwrap_or(a.len())];
    CString::new(a).ok().map(|c| (c, a))
}

fn set_errno(v: i32) {
    // SAFETY: errno is thread-local and always valid to write.
    unsafe { *libc::__errno_location() = v }
}

fn get_errno() -> i32 {
    // SAFETY: as in `set_errno`.
    unsafe { *libc::__errno_location() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn fmt(f: &str, args: &[&str]) -> (String, i32, End) {
        let mut diag = Diag::new(&[OsString::from("printf")]);
        let args: Vec<&[u8]> = args.iter().map(|a| a.as_bytes()).collect();
        let mut all = Vec::new();
        let mut out = Vec::new();
        let end = run(&mut diag, f.as_bytes(), &args, &mut out, &mut |o| {
            all.append(o);
            true
        });
        (
            String::from_utf8_lossy(&all).into_owned(),
            diag.status(),
            end,
        )
    }

    #[test]
    fn reuse_and_missing() {
        assert_eq!(fmt("%s-%s,", &["a", "b", "c"]).0, "a-b,c-,");
        assert_eq!(fmt("%d|%s|%c|", &[]).0, "0||\0|");
    }

    #[test]
    fn numbers() {
        assert_eq!(
            fmt("%d %i %d %u", &["0x1f", "010", "'a", "-1"]).0,
            "31 8 97 18446744073709551615"
        );
        assert_eq!(
            fmt("%05.1f|%-6x|%+d", &["2.25", "255", "3"]).0,
            "002.2|ff    |+3"
        );
        let (o, st, _) = fmt("%d", &["12abc"]);
        assert_eq!((o.as_str(), st), ("12", 1));
    }

    #[test]
    fn plain_decimals_take_the_short_path_with_the_same_answers() {
        assert_eq!(
            fmt(
                "%d %d %i %d %d %d %d|",
                &[
                    "0",
                    "-0",
                    "-5",
                    "007",
                    "123456789012345678",
                    "9223372036854775807",
                    "-9223372036854775808"
                ]
            )
            .0,
            "0 0 -5 7 123456789012345678 9223372036854775807 -9223372036854775808|"
        );
        assert_eq!(
            fmt("%u %u %u", &["-5", "-0", "42"]).0,
            "18446744073709551611 0 42"
        );
        let (o, st, _) = fmt("%d|%d", &["9223372036854775808", "-"]);
        assert_eq!((o.as_str(), st), ("9223372036854775807|0", 1));
    }

    #[test]
    fn stops() {
        assert_eq!(fmt("a%bz", &[r"x\cy", "q"]).2, End::Stopped);
        assert_eq!(fmt("%y", &[]).2, End::Fatal);
    }
}
