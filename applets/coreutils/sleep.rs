//! sleep: wait for the sum of the given intervals.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/sleep.html
//!
//! As GNU and BusyBox: several operands are added up; each is a decimal
//! number, fractions allowed, with an optional unit `s`, `m`, `h` or `d`;
//! `inf`/`infinity` sleep for ever. A signal that is not handled ends the
//! process, as POSIX wants; an interrupted nanosleep resumes.

use crate::args::Parser;
use crate::diag::Diag;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "sleep",
    aliases: &[],
    dir: Dir::Bin,
    usage: "NUMBER[SUFFIX]...",
    help: "Pause for the sum of the NUMBERs. SUFFIX: s seconds (the default),\n\
m minutes, h hours, d days. NUMBER may have a fraction; 'inf' is for ever.",
    help_option: true,
    main,
};

/// Parses one interval into seconds; `None` when it is not a valid one.
pub fn parse_interval(s: &[u8]) -> Option<f64> {
    let (num, mult) = match s.last() {
        Some(b's') => (&s[..s.len() - 1], 1.0),
        Some(b'm') => (&s[..s.len() - 1], 60.0),
        Some(b'h') => (&s[..s.len() - 1], 3600.0),
        Some(b'd') => (&s[..s.len() - 1], 86400.0),
        _ => (s, 1.0),
    };
    let text = std::str::from_utf8(num).ok()?.trim_start();
    let text = text.strip_prefix('+').unwrap_or(text);
    let lower = text.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(f64::INFINITY);
    }
    // A decimal number with an optional exponent, as GNU takes it (BusyBox
    // refuses the exponent, the sign and the blanks; hex is not taken).
    if !text.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return None;
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite()).map(|v| v * mult)
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, &[]).negative_numbers();
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    if m.operands.is_empty() {
        return parser.usage_error(args, "missing operand");
    }
    let mut diag = Diag::new(args);
    let mut total = 0.0;
    for op in &m.operands {
        match parse_interval(op.as_bytes()) {
            Some(v) => total += v,
            None => diag.error(format_args!(
                "invalid time interval '{}'",
                String::from_utf8_lossy(op.as_bytes())
            )),
        }
    }
    if diag.status() != 0 {
        return diag.status();
    }
    sleep_for(total);
    0
}

/// Sleeps `secs` seconds (for ever when infinite), resuming after signals
/// that were handled.
pub fn sleep_for(secs: f64) {
    let mut left = secs;
    while left > 0.0 {
        // A chunk of at most a year keeps time_t arithmetic far from overflow.
        let chunk = left.min(365.0 * 86400.0);
        let mut ts = libc::timespec {
            tv_sec: chunk.trunc() as _,
            tv_nsec: ((chunk.fract() * 1e9) as libc::c_long).min(999_999_999),
        };
        if ts.tv_sec == 0 && ts.tv_nsec == 0 {
            break;
        }
        loop {
            let mut rem = libc::timespec {
                tv_sec: 0,
                tv_nsec: 0,
            };
            // SAFETY: both pointers are to live timespecs.
            let r = unsafe { libc::nanosleep(&ts, &mut rem) };
            if r == 0 {
                break;
            }
            ts = rem;
        }
        if left.is_finite() {
            left -= chunk;
        }
    }
}
