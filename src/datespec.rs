//! Date strings as `touch -d` and `date -d` take them.
//!
//! The forms scripts use, from GNU's and BusyBox's grammars:
//!
//! - `@SECONDS[.FRACTION]`, a time since the epoch;
//! - `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS[.FRAC]]` (a `T` may join them),
//!   `YYYYMMDD`, `MM/DD/YYYY`;
//! - `HH:MM[:SS[.FRAC]]` (today), optionally with `am`/`pm`;
//! - a zone after the time: `Z`, `UTC`, `GMT`, `+HHMM`, `-HH:MM`;
//! - `now`, `today`, `yesterday`, `tomorrow`, `midnight`, `noon`;
//! - relative items, any number: `[+-]N UNIT [ago]`, `UNIT`, `next UNIT`,
//!   `last UNIT`, with UNIT one of `year month fortnight week day hour
//!   minute min second sec` (plural too); and weekday names, meaning the
//!   next such day (today counts) at midnight.
//!
//! The result is seconds and nanoseconds since the epoch; a date without a
//! zone is local time (`TZ`).

use crate::time;

/// Parses `s` relative to `now` (seconds, nanoseconds).
pub fn parse(s: &str, now: (i64, u32)) -> Option<(i64, u32)> {
    let s = s.trim();
    if let Some(rest) = s.strip_prefix('@') {
        return epoch(rest.trim());
    }
    let lower = s.to_ascii_lowercase();
    let mut toks = tokens(&lower);
    let base = time::local(now.0)?;
    let mut st = State {
        year: base.tm_year as i64 + 1900,
        month: base.tm_mon as i64 + 1,
        day: base.tm_mday as i64,
        hour: base.tm_hour as i64,
        min: base.tm_min as i64,
        sec: base.tm_sec as i64,
        nanos: now.1,
        zone: None,
        rel_months: 0,
        rel_days: 0,
        rel_secs: 0,
        weekday: None,
        weekday_ord: 0,
        have_time: false,
        have_date: false,
    };
    let mut i = 0;
    while i < toks.len() {
        i = st.item(&mut toks, i)?;
    }
    // A date or weekday alone means its midnight.
    if (st.have_date || st.weekday.is_some()) && !st.have_time {
        st.hour = 0;
        st.min = 0;
        st.sec = 0;
        st.nanos = 0;
    }
    // A weekday moves to its coming day (`next`: the one after today's,
    // `last`: a week earlier), but only when no date is given: GNU ignores
    // it next to a date.
    if let (Some(wd), false) = (st.weekday, st.have_date) {
        let t = build_tm(st.year, st.month, st.day, 12, 0, 0);
        let cur = weekday_of(&t);
        let ord = st.weekday_ord;
        st.day += (wd - cur).rem_euclid(7) + 7 * (ord - i64::from(ord > 0 && cur != wd));
    }
    st.year += (st.month - 1 + st.rel_months).div_euclid(12);
    st.month = (st.month - 1 + st.rel_months).rem_euclid(12) + 1;
    st.day += st.rel_days;
    let secs = match st.zone {
        Some(off) => {
            let t = build_tm(st.year, st.month, st.day, st.hour, st.min, st.sec);
            time::timegm(&t) - off
        }
        None => {
            let mut t = build_tm(st.year, st.month, st.day, st.hour, st.min, st.sec);
            t.tm_isdst = -1;
            time::mktime_local(&t)?
        }
    };
    Some((secs + st.rel_secs, st.nanos))
}

fn epoch(s: &str) -> Option<(i64, u32)> {
    let (int, frac) = match s.split_once('.') {
        Some((a, b)) => (a, b),
        None => (s, ""),
    };
    let negative = int.starts_with('-');
    let secs: i64 = int.parse().ok()?;
    if !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut nanos: u32 = 0;
    for (k, c) in frac.chars().take(9).enumerate() {
        nanos += (c as u32 - '0' as u32) * 10u32.pow(8 - k as u32);
    }
    if negative && nanos > 0 {
        return Some((secs - 1, 1_000_000_000 - nanos));
    }
    Some((secs, nanos))
}

fn build_tm(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64) -> libc::tm {
    // SAFETY: an all-zero tm is valid.
    let mut t: libc::tm = unsafe { std::mem::zeroed() };
    t.tm_year = (y - 1900) as i32;
    t.tm_mon = (mo - 1) as i32;
    t.tm_mday = d as i32;
    t.tm_hour = h as i32;
    t.tm_min = mi as i32;
    t.tm_sec = s as i32;
    t
}

fn weekday_of(t: &libc::tm) -> i64 {
    let days = time::days_from_civil(
        t.tm_year as i64 + 1900,
        t.tm_mon as i64 + 1,
        t.tm_mday as i64,
    );
    (days + 4).rem_euclid(7)
}

/// Splits into words, numbers and signs; `:`, `-`, `/`, `.` stay inside
/// a token that starts with a digit.
fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() || c == b',' {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < b.len()
                && (b[i].is_ascii_digit()
                    || b":-/.".contains(&b[i])
                    || (b[i] == b't' && i + 1 < b.len() && b[i + 1].is_ascii_digit()))
            {
                i += 1;
            }
            out.push(s[start..i].to_string());
        } else if c.is_ascii_alphabetic() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            out.push(s[start..i].to_string());
        } else {
            out.push((c as char).to_string());
            i += 1;
        }
    }
    out
}

struct State {
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    min: i64,
    sec: i64,
    nanos: u32,
    /// The zone's offset east of UTC in seconds.
    zone: Option<i64>,
    rel_months: i64,
    rel_days: i64,
    rel_secs: i64,
    weekday: Option<i64>,
    /// `next` (1), `last` (-1) or neither (0) before the weekday.
    weekday_ord: i64,
    have_time: bool,
    have_date: bool,
}

fn num(s: &str) -> Option<i64> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn unit(w: &str) -> Option<(i64, i64)> {
    // (months, seconds) per unit
    let w = w
        .strip_suffix('s')
        .filter(|x| !x.is_empty() && *x != "mon")
        .unwrap_or(w);
    Some(match w {
        "year" => (12, 0),
        "month" => (1, 0),
        "fortnight" => (0, 14 * 86400),
        "week" => (0, 7 * 86400),
        "day" => (0, 86400),
        "hour" => (0, 3600),
        "minute" | "min" => (0, 60),
        "second" | "sec" => (0, 1),
        _ => return None,
    })
}

fn weekday(w: &str) -> Option<i64> {
    const DAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    let w3 = w.get(..3)?;
    let i = DAYS.iter().position(|d| *d == w3)? as i64;
    let full = [
        "sunday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
    ];
    (w.len() == 3 || full[i as usize] == w || (w.len() == 4 && w[..4] == full[i as usize][..4]))
        .then_some(i)
}

impl State {
    fn add(&mut self, n: i64, (months, secs): (i64, i64)) {
        self.rel_months += n * months;
        if secs % 86400 == 0 {
            self.rel_days += n * secs / 86400;
        } else {
            self.rel_secs += n * secs;
        }
    }

    fn set_time(&mut self, t: &str) -> Option<()> {
        let (hms, frac) = match t.split_once('.') {
            Some((a, b)) => (a, Some(b)),
            None => (t, None),
        };
        let parts: Vec<&str> = hms.split(':').collect();
        if parts.len() < 2 || parts.len() > 3 {
            return None;
        }
        let h = num(parts[0])?;
        let m = num(parts[1])?;
        let s = if parts.len() == 3 { num(parts[2])? } else { 0 };
        if h > 24 || m > 59 || s > 60 {
            return None;
        }
        self.hour = h;
        self.min = m;
        self.sec = s;
        self.nanos = 0;
        if let Some(f) = frac {
            if parts.len() != 3 || !f.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            for (k, c) in f.chars().take(9).enumerate() {
                self.nanos += (c as u32 - '0' as u32) * 10u32.pow(8 - k as u32);
            }
        }
        self.have_time = true;
        Some(())
    }

    fn set_date(&mut self, y: i64, m: i64, d: i64) -> Option<()> {
        if !(1..=12).contains(&m) || d < 1 {
            return None;
        }
        let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        if d > time::days_from_civil(ny, nm, 1) - time::days_from_civil(y, m, 1) {
            return None;
        }
        self.year = y;
        self.month = m;
        self.day = d;
        self.have_date = true;
        Some(())
    }

    /// Takes the item at `i`; returns the index after it.
    fn item(&mut self, toks: &mut [String], i: usize) -> Option<usize> {
        let t = toks[i].clone();
        let next = toks.get(i + 1).cloned();
        // Signed relative number: "+3 days", "-1 hour".
        if t == "+" || t == "-" {
            let n = num(next.as_deref()?)?;
            let n = if t == "-" { -n } else { n };
            // A zone offset after a time: "-05:00", "+0100". As in GNU this
            // holds even before a unit: "04:05 +1 day" is 04:05 at +01:00,
            // plus a day.
            if self.have_time && self.zone.is_none() {
                let raw = next.as_deref()?;
                let digits: String = raw.chars().filter(|c| c.is_ascii_digit()).collect();
                let (hh, mm) = match digits.len() {
                    1 | 2 => (num(&digits)?, 0),
                    4 => (num(&digits[..2])?, num(&digits[2..])?),
                    _ => return None,
                };
                let off = hh * 3600 + mm * 60;
                self.zone = Some(if t == "-" { -off } else { off });
                return Some(i + 2);
            }
            let u = unit(toks.get(i + 2)?)?;
            let mut n = n;
            let mut j = i + 3;
            if toks.get(j).is_some_and(|w| w == "ago") {
                n = -n;
                j += 1;
            }
            self.add(n, u);
            return Some(j);
        }
        if t.starts_with(|c: char| c.is_ascii_digit()) {
            // A date with a time after T.
            if let Some((d, tm)) = t.split_once('t') {
                self.date_token(d)?;
                self.set_time(tm)?;
                return Some(i + 1);
            }
            if t.contains(':') {
                self.set_time(&t)?;
                // am / pm
                if let Some(w) = next.as_deref() {
                    if w == "am" || w == "pm" {
                        if self.hour == 0 || self.hour > 12 {
                            return None;
                        }
                        self.hour %= 12;
                        if w == "pm" {
                            self.hour += 12;
                        }
                        return Some(i + 2);
                    }
                }
                return Some(i + 1);
            }
            if t.contains('-')
                || t.contains('/')
                || (t.len() == 8 && num(&t).is_some() && !self.have_date)
            {
                self.date_token(&t)?;
                return Some(i + 1);
            }
            // "N unit [ago]"
            let n = num(&t)?;
            if let Some(w) = next.as_deref() {
                if let Some(u) = unit(w) {
                    let mut n = n;
                    let mut j = i + 2;
                    if toks.get(j).is_some_and(|w| w == "ago") {
                        n = -n;
                        j += 1;
                    }
                    self.add(n, u);
                    return Some(j);
                }
                if w == "am" || w == "pm" {
                    if n == 0 || n > 12 {
                        return None;
                    }
                    self.hour = n % 12 + if w == "pm" { 12 } else { 0 };
                    self.min = 0;
                    self.sec = 0;
                    self.nanos = 0;
                    self.have_time = true;
                    return Some(i + 2);
                }
            }
            // A bare number after a date and time: a year is not meant here.
            return None;
        }
        match t.as_str() {
            "now" => Some(i + 1),
            "today" => Some(i + 1),
            "yesterday" => {
                self.rel_days -= 1;
                Some(i + 1)
            }
            "tomorrow" => {
                self.rel_days += 1;
                Some(i + 1)
            }
            "midnight" => {
                self.set_time("00:00")?;
                Some(i + 1)
            }
            "noon" => {
                self.set_time("12:00")?;
                Some(i + 1)
            }
            "z" | "utc" | "gmt" | "ut" if self.zone.is_none() => {
                self.zone = Some(0);
                Some(i + 1)
            }
            "next" | "last" | "this" => {
                let n = match t.as_str() {
                    "next" => 1,
                    "last" => -1,
                    _ => 0,
                };
                let w = next?;
                if let Some(u) = unit(&w) {
                    self.add(n, u);
                } else if let Some(wd) = weekday(&w) {
                    self.weekday = Some(wd);
                    self.weekday_ord = n;
                } else {
                    return None;
                }
                Some(i + 2)
            }
            "ago" => None,
            w => {
                if let Some(u) = unit(w) {
                    let mut n = 1;
                    let mut j = i + 1;
                    if toks.get(j).is_some_and(|w| w == "ago") {
                        n = -1;
                        j += 1;
                    }
                    self.add(n, u);
                    return Some(j);
                }
                if let Some(wd) = weekday(w) {
                    self.weekday = Some(wd);
                    return Some(i + 1);
                }
                None
            }
        }
    }

    fn date_token(&mut self, d: &str) -> Option<()> {
        if let Some((a, rest)) = d.split_once('-') {
            let (b, c) = rest.split_once('-')?;
            return self.set_date(num(a)?, num(b)?, num(c)?);
        }
        if let Some((a, rest)) = d.split_once('/') {
            let (b, c) = match rest.split_once('/') {
                Some(x) => x,
                None => (rest, ""),
            };
            let y = if c.is_empty() { self.year } else { num(c)? };
            let y = if c.len() == 2 {
                y + if y < 69 { 2000 } else { 1900 }
            } else {
                y
            };
            return self.set_date(y, num(a)?, num(b)?);
        }
        if d.len() == 8 {
            let v = num(d)?;
            return self.set_date(v / 10000, v / 100 % 100, v % 100);
        }
        None
    }
}

/// POSIX `touch -t` / `date` MMDDhhmm form: `[[CC]YY]MMDDhhmm[.ss]`, local
/// time. Years of two digits are 1969-2068.
pub fn parse_posix_stamp(s: &str) -> Option<i64> {
    let (main, secs) = match s.split_once('.') {
        Some((m, ss)) if ss.len() == 2 => (m, num(ss)?),
        Some(_) => return None,
        None => (s, 0),
    };
    // All digits (a 12-digit stamp fits an i64).
    num(main)?;
    let now = time::local(time::Stamp::now().secs)?;
    let (year, rest) = match main.len() {
        8 => (now.tm_year as i64 + 1900, main),
        10 => {
            let yy = num(&main[..2])?;
            (if yy < 69 { 2000 + yy } else { 1900 + yy }, &main[2..])
        }
        12 => (num(&main[..4])?, &main[4..]),
        _ => return None,
    };
    let mo = num(&rest[..2])?;
    let d = num(&rest[2..4])?;
    let h = num(&rest[4..6])?;
    let mi = num(&rest[6..8])?;
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || secs > 60 {
        return None;
    }
    let mut t = build_tm(year, mo, d, h, mi, secs);
    t.tm_isdst = -1;
    let r = time::mktime_local(&t)?;
    // mktime normalises 31 February to March: refuse that.
    let back = time::local(r)?;
    (back.tm_mday as i64 == d && back.tm_mon as i64 + 1 == mo).then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> Option<i64> {
        // 2020-01-15 12:00:00 UTC, a Wednesday.
        std::env::set_var("TZ", "UTC");
        parse(s, (1_579_089_600, 0)).map(|x| x.0)
    }

    #[test]
    fn absolute() {
        assert_eq!(parse("@1234.5", (0, 0)), Some((1234, 500_000_000)));
        assert_eq!(parse("@-1.5", (0, 0)), Some((-2, 500_000_000)));
        assert_eq!(utc("2001-02-03 04:05:06"), Some(981_173_106));
        assert_eq!(utc("2001-02-03T04:05:06Z"), Some(981_173_106));
        assert_eq!(utc("2001-02-03 04:05:06 +0100"), Some(981_173_106 - 3600));
        assert_eq!(utc("2001-02-03"), Some(981_158_400));
        assert_eq!(utc("20010203"), Some(981_158_400));
        assert_eq!(utc("02/03/2001"), Some(981_158_400));
        assert_eq!(utc("13:30"), Some(1_579_095_000));
        assert_eq!(utc("1pm"), Some(1_579_093_200));
    }

    #[test]
    fn relative() {
        let now = 1_579_089_600;
        assert_eq!(utc("now"), Some(now));
        assert_eq!(utc("yesterday"), Some(now - 86400));
        assert_eq!(utc("+3 days"), Some(now + 3 * 86400));
        assert_eq!(utc("1 hour ago"), Some(now - 3600));
        assert_eq!(utc("-2 weeks"), Some(now - 14 * 86400));
        assert_eq!(utc("next month"), Some(now + 31 * 86400));
        assert_eq!(utc("friday"), Some(1_579_219_200));
        assert_eq!(utc("next wednesday"), Some(1_579_046_400 + 7 * 86400));
        assert_eq!(utc("next friday"), Some(1_579_219_200));
        assert_eq!(utc("last wednesday"), Some(1_579_046_400 - 7 * 86400));
        assert_eq!(utc("last friday"), Some(1_579_219_200 - 7 * 86400));
        // Next to a date the weekday is ignored, as GNU does.
        assert_eq!(utc("2020-01-15 next friday"), Some(1_579_046_400));
        assert_eq!(utc("friday 2020-01-15"), Some(1_579_046_400));
        assert_eq!(utc("2020-01-15 +1 day"), Some(1_579_132_800));
        assert_eq!(utc("tomorrow 10:00"), Some(1_579_082_400 + 86400));
        // GNU's reading: the +1 after a time is a zone.
        assert_eq!(
            utc("2001-02-03 04:05 +1 day"),
            Some(981_173_100 - 3600 + 86400)
        );
    }

    #[test]
    fn bad() {
        assert_eq!(utc("garbage"), None);
        assert_eq!(utc("2001-13-01"), None);
        assert_eq!(utc("25:00"), None);
        assert_eq!(utc("3 ago"), None);
        assert_eq!(utc("2020-02-30"), None);
        assert_eq!(utc("2020-02-29"), Some(1_582_934_400));
    }
}
