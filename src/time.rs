//! Time: broken-down local and UTC time (the C library's `localtime_r`, so
//! `TZ` and `/etc/localtime` are honoured as by the system's other tools) and
//! GNU `date`-style formatting, used by `date`, `ls -l`, `stat`, `find
//! -printf` and `touch`.
//!
//! The formatter is our own rather than the C library's `strftime`: musl's
//! lacks GNU's `%N`, `%:z`, `%q`, `%P` and the `-_0^#` flags with widths
//! that scripts use. The locale is C.

use libc::tm;

/// Seconds and nanoseconds since the epoch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp {
    pub secs: i64,
    pub nanos: u32,
}

impl Stamp {
    /// The current time from the real-time clock.
    pub fn now() -> Stamp {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: ts is a valid out-pointer.
        unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut ts) };
        Stamp {
            secs: ts.tv_sec,
            nanos: ts.tv_nsec as u32,
        }
    }
}

/// Broken-down time in the local zone (`TZ`), or None if out of range.
pub fn local(secs: i64) -> Option<tm> {
    // SAFETY: tm is plain data; localtime_r fills it or returns NULL.
    unsafe {
        let mut out: tm = std::mem::zeroed();
        #[allow(deprecated)] // time_t is i64 on every target we build for
        let t = secs as libc::time_t;
        (!libc::localtime_r(&t, &mut out).is_null()).then_some(out)
    }
}

/// Broken-down UTC time, or None if out of range.
pub fn utc(secs: i64) -> Option<tm> {
    // SAFETY: as for `local`.
    unsafe {
        let mut out: tm = std::mem::zeroed();
        #[allow(deprecated)] // time_t is i64 on every target we build for
        let t = secs as libc::time_t;
        (!libc::gmtime_r(&t, &mut out).is_null()).then_some(out)
    }
}

/// Seconds since the epoch for a broken-down local time (`mktime`), with
/// `tm_isdst = -1` letting the C library decide daylight saving time.
pub fn mktime_local(t: &tm) -> Option<i64> {
    let mut t = *t;
    // SAFETY: t is a valid, initialised tm.
    let s = unsafe { libc::mktime(&mut t) };
    (s != -1 || (t.tm_year == 69 && t.tm_hour == 23)).then_some(s)
}

/// Seconds since the epoch for a broken-down UTC time (no library call:
/// days from the civil date).
pub fn timegm(t: &tm) -> i64 {
    let days = days_from_civil(
        t.tm_year as i64 + 1900,
        t.tm_mon as i64 + 1,
        t.tm_mday as i64,
    );
    days * 86400 + t.tm_hour as i64 * 3600 + t.tm_min as i64 * 60 + t.tm_sec as i64
}

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1..=12).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub const DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// ISO 8601 week-based year and week number.
fn iso_week(t: &tm) -> (i64, i64) {
    let year = t.tm_year as i64 + 1900;
    let yday = t.tm_yday as i64;
    let wday = (t.tm_wday as i64 + 6) % 7; // Monday = 0
    let week = (yday - wday + 10) / 7;
    if week < 1 {
        let prev = year - 1;
        let prev_days = if is_leap(prev) { 366 } else { 365 };
        return (prev, (yday + prev_days - wday + 10) / 7);
    }
    let days = if is_leap(year) { 366 } else { 365 };
    if week == 53 && yday - wday + 3 >= days {
        return (year + 1, 1);
    }
    (year, week)
}

fn zone_name(t: &tm) -> String {
    if t.tm_zone.is_null() {
        return String::new();
    }
    // SAFETY: tm_zone points to a NUL-terminated name owned by the C library.
    unsafe { std::ffi::CStr::from_ptr(t.tm_zone) }
        .to_string_lossy()
        .into_owned()
}

#[derive(Clone, Copy, PartialEq)]
enum Pad {
    Default,
    None,
    Space,
    Zero,
}

/// Appends `t` formatted by `fmt` (GNU `date` conversions and flags) to
/// `out`. `nanos` serves `%N`. Unknown conversions are copied as they are.
pub fn format(fmt: &[u8], t: &tm, nanos: u32, out: &mut Vec<u8>) {
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        i += 1;
        if c != b'%' {
            out.push(c);
            continue;
        }
        let start = i - 1;
        let mut pad = Pad::Default;
        let (mut upper, mut swap) = (false, false);
        while let Some(&f) = fmt.get(i) {
            match f {
                b'-' => pad = Pad::None,
                b'_' => pad = Pad::Space,
                b'0' => pad = Pad::Zero,
                b'^' => upper = true,
                b'#' => swap = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: Option<usize> = None;
        while let Some(&d) = fmt.get(i).filter(|d| d.is_ascii_digit()) {
            width = Some(
                width
                    .unwrap_or(0)
                    .saturating_mul(10)
                    .saturating_add((d - b'0') as usize),
            );
            i += 1;
        }
        let mut colons = 0;
        while fmt.get(i) == Some(&b':') && colons < 3 {
            colons += 1;
            i += 1;
        }
        let Some(&conv) = fmt.get(i) else {
            out.extend_from_slice(&fmt[start..]);
            break;
        };
        i += 1;
        if colons > 0 && conv != b'z' {
            out.extend_from_slice(&fmt[start..i]);
            continue;
        }
        let year = t.tm_year as i64 + 1900;
        let hour12 = if t.tm_hour % 12 == 0 {
            12
        } else {
            t.tm_hour % 12
        };
        // Numbers: (value, default width, default pad is space?).
        let num = |v: i64, w: usize, space: bool| Item::Num(v, w, space);
        let item = match conv {
            b'a' => Item::Text(DAYS[t.tm_wday.rem_euclid(7) as usize][..3].into(), false),
            b'A' => Item::Text(DAYS[t.tm_wday.rem_euclid(7) as usize].into(), false),
            b'b' | b'h' => Item::Text(MONTHS[t.tm_mon.rem_euclid(12) as usize][..3].into(), false),
            b'B' => Item::Text(MONTHS[t.tm_mon.rem_euclid(12) as usize].into(), false),
            b'c' => Item::Sub("%a %b %e %H:%M:%S %Y"),
            b'C' => num(year.div_euclid(100), 2, false),
            b'd' => num(t.tm_mday as i64, 2, false),
            b'D' | b'x' => Item::Sub("%m/%d/%y"),
            b'e' => num(t.tm_mday as i64, 2, true),
            b'F' => Item::Sub("%4Y-%m-%d"),
            b'g' => num(iso_week(t).0.rem_euclid(100), 2, false),
            b'G' => num(iso_week(t).0, 4, false),
            b'H' => num(t.tm_hour as i64, 2, false),
            b'I' => num(hour12 as i64, 2, false),
            b'j' => num(t.tm_yday as i64 + 1, 3, false),
            b'k' => num(t.tm_hour as i64, 2, true),
            b'l' => num(hour12 as i64, 2, true),
            b'm' => num(t.tm_mon as i64 + 1, 2, false),
            b'M' => num(t.tm_min as i64, 2, false),
            b'n' => Item::Text("\n".into(), false),
            b'N' => {
                let digits = format!("{nanos:09}");
                let w = width.unwrap_or(9);
                let s = if w <= 9 {
                    digits[..w].to_string()
                } else {
                    format!("{digits:0<w$}")
                };
                Item::Raw(s)
            }
            b'p' => Item::Text(if t.tm_hour < 12 { "AM" } else { "PM" }.into(), true),
            b'P' => Item::Text(if t.tm_hour < 12 { "am" } else { "pm" }.into(), false),
            b'q' => num(t.tm_mon as i64 / 3 + 1, 1, false),
            b'r' => Item::Sub("%I:%M:%S %p"),
            b'R' => Item::Sub("%H:%M"),
            b's' => num(timegm(t) - t.tm_gmtoff, 1, false),
            b'S' => num(t.tm_sec as i64, 2, false),
            b't' => Item::Text("\t".into(), false),
            b'T' | b'X' => Item::Sub("%H:%M:%S"),
            b'u' => num(if t.tm_wday == 0 { 7 } else { t.tm_wday as i64 }, 1, false),
            b'U' => num((t.tm_yday as i64 + 7 - t.tm_wday as i64) / 7, 2, false),
            b'V' => num(iso_week(t).1, 2, false),
            b'w' => num(t.tm_wday as i64, 1, false),
            b'W' => num(
                (t.tm_yday as i64 + 7 - (t.tm_wday as i64 + 6) % 7) / 7,
                2,
                false,
            ),
            b'y' => num(year.rem_euclid(100), 2, false),
            b'Y' => num(year, 1, false),
            b'z' => Item::Raw(zone_offset(t.tm_gmtoff, colons)),
            b'Z' => Item::Text(zone_name(t).into(), false),
            b'%' => Item::Raw("%".into()),
            _ => {
                out.extend_from_slice(&fmt[start..i]);
                continue;
            }
        };
        let text = match item {
            Item::Sub(f) if width.is_none() && !upper && !swap => {
                format(f.as_bytes(), t, nanos, out);
                continue;
            }
            Item::Sub(f) => {
                let mut v = Vec::new();
                format(f.as_bytes(), t, nanos, &mut v);
                String::from_utf8_lossy(&v).into_owned()
            }
            Item::Raw(s) => s,
            Item::Text(s, lower_on_swap) => {
                if upper || (swap && !lower_on_swap) {
                    s.to_uppercase()
                } else if swap {
                    s.to_lowercase()
                } else {
                    s.into_owned()
                }
            }
            Item::Num(v, w, space) => {
                let w = match pad {
                    Pad::None => 0,
                    _ => width.unwrap_or(w),
                };
                let zero = match pad {
                    Pad::Zero => true,
                    Pad::Space => false,
                    _ => !space,
                };
                crate::num::push_i64_padded(out, v, w, if zero { b'0' } else { b' ' });
                continue;
            }
        };
        // Text conversions take a width too, padded with spaces (zeros with `0`).
        let w = width.unwrap_or(0);
        if text.len() < w && pad != Pad::None {
            let fill = if pad == Pad::Zero { b'0' } else { b' ' };
            out.resize(out.len() + w - text.len(), fill);
        }
        out.extend_from_slice(text.as_bytes());
    }
}

enum Item {
    /// A number, its default width, and whether it pads with spaces.
    Num(i64, usize, bool),
    /// Text; the flag says `#` lowers it instead of raising it (`%p`).
    Text(std::borrow::Cow<'static, str>, bool),
    Raw(String),
    Sub(&'static str),
}

/// `+hhmm`, `+hh:mm`, `+hh:mm:ss`, or the shortest of those that is exact
/// (`%:::z`).
fn zone_offset(gmtoff: i64, colons: usize) -> String {
    let sign = if gmtoff < 0 { '-' } else { '+' };
    let a = gmtoff.unsigned_abs();
    let (h, m, s) = (a / 3600, a / 60 % 60, a % 60);
    match colons {
        0 => format!("{sign}{h:02}{m:02}"),
        1 => format!("{sign}{h:02}:{m:02}"),
        2 => format!("{sign}{h:02}:{m:02}:{s:02}"),
        _ if s != 0 => format!("{sign}{h:02}:{m:02}:{s:02}"),
        _ if m != 0 => format!("{sign}{h:02}:{m:02}"),
        _ => format!("{sign}{h:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt_utc(f: &str, secs: i64, nanos: u32) -> String {
        let t = utc(secs).unwrap_or_else(|| panic!("utc {secs}"));
        let mut v = Vec::new();
        format(f.as_bytes(), &t, nanos, &mut v);
        String::from_utf8_lossy(&v).into_owned()
    }

    // 2001-02-03 04:05:06 UTC, a Saturday.
    const T: i64 = 981173106;

    #[test]
    fn conversions() {
        assert_eq!(fmt_utc("%Y-%m-%d %H:%M:%S", T, 0), "2001-02-03 04:05:06");
        assert_eq!(
            fmt_utc("%a %A %b %B %h", T, 0),
            "Sat Saturday Feb February Feb"
        );
        assert_eq!(fmt_utc("%c", T, 0), "Sat Feb  3 04:05:06 2001");
        assert_eq!(
            fmt_utc("%C %y %D %e %F %T %R", T, 0),
            "20 01 02/03/01  3 2001-02-03 04:05:06 04:05"
        );
        assert_eq!(fmt_utc("%I %l %p %P %r", T, 0), "04  4 AM am 04:05:06 AM");
        assert_eq!(
            fmt_utc("%j %k %u %w %U %W %V %G %g %q", T, 0),
            "034  4 6 6 04 05 05 2001 01 1"
        );
        assert_eq!(
            fmt_utc("%s %z %:z %::z %:::z %Z", T, 0),
            "981173106 +0000 +00:00 +00:00:00 +00 UTC"
        );
        assert_eq!(fmt_utc("%N %3N %%", T, 5_000_000), "005000000 005 %");
        assert_eq!(fmt_utc("%n%t%Q%", T, 0), "\n\t%Q%");
    }

    #[test]
    fn flags_and_widths() {
        assert_eq!(
            fmt_utc("%-d %_m %-H %05Y %^a %#b %#p %10A|", T, 0),
            "3  2 4 02001 SAT FEB am   Saturday|"
        );
        assert_eq!(fmt_utc("%_3d %-j %3e", T, 0), "  3 34   3");
        assert_eq!(fmt_utc("%^B %010B", T, 0), "FEBRUARY 00February");
    }

    #[test]
    fn iso_weeks_at_year_ends() {
        // 2005-01-01 is a Saturday in week 53 of 2004; 2008-12-29 is week 1 of 2009.
        assert_eq!(fmt_utc("%G-%V", 1104537600, 0), "2004-53");
        assert_eq!(fmt_utc("%G-%V", 1230508800, 0), "2009-01");
        assert_eq!(fmt_utc("%G-%V %U %W", 1230681600, 0), "2009-01 52 52");
        assert_eq!(fmt_utc("%U %W", 1104537600, 0), "00 00");
    }

    #[test]
    fn civil_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        let t = utc(T).unwrap_or_else(|| panic!("utc"));
        assert_eq!(timegm(&t), T);
        assert_eq!(fmt_utc("%Y %s", -1, 0), "1969 -1");
    }

    #[test]
    fn zone_offsets() {
        assert_eq!(zone_offset(-16200, 0), "-0430");
        assert_eq!(zone_offset(19800, 1), "+05:30");
        assert_eq!(zone_offset(19800, 3), "+05:30");
        assert_eq!(zone_offset(3600, 3), "+01");
    }
}
