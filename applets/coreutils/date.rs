//! date: print or set the system date and time (GNU coreutils, with
//! BusyBox's `-D`).
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/date.html
//!
//! The time to show is now, `-d STRING` (the date strings of
//! `crate::datespec`, plus GNU's `TZ="ZONE"` prefix), each line of `-f
//! FILE`, or `-r FILE`'s modification time. The output is `+FORMAT`
//! (`crate::time::format`'s GNU conversions), `-I[TIMESPEC]`, `-R` or
//! `--rfc-3339=TIMESPEC`, else `%a %b %e %H:%M:%S %Z %Y`. `-u` is
//! `TZ=UTC0` for the run, reading and printing. `-s STRING` and an operand
//! `MMDDhhmm[[CC]YY][.ss]` set the clock, then print the new time.
//! `-D FORMAT` reads `-d`'s string with strptime-style conversions, as
//! BusyBox does (fields it leaves out are today's date at midnight).

use crate::args::{Opt, Parser};
use crate::datespec;
use crate::diag::Diag;
use crate::io::{read_fd, Input, Out};
use crate::quote;
use crate::time::{self, Stamp};
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "date",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-uR] [-d STRING | -f FILE | -r FILE | -s STRING] [-D FORMAT] [-I[SPEC]] [+FORMAT | MMDDhhmm[[CC]YY][.ss]]",
    help: "Print the date and time (now, or another one) in FORMAT, or set it.\n\
\n\
\t-d, --date=STRING\tShow the time STRING describes (@EPOCH, 2024-01-02 03:04,\n\
\t\t\tyesterday, next monday, 2 hours ago, TZ=\"ZONE\" ...)\n\
\t-f, --file=FILE\t\tLike -d for each line of FILE (- for standard input)\n\
\t-r, --reference=FILE\tShow FILE's modification time\n\
\t-D FORMAT\t\tRead -d's STRING with strptime conversions (%Y %m %d %H ...)\n\
\t-s, --set=STRING\tSet the clock to the time STRING describes\n\
\t-u, --utc, --universal\tCoordinated Universal Time (TZ=UTC0)\n\
\t-R, --rfc-email\t\tOutput RFC 5322 form: Mon, 14 Aug 2006 02:34:56 -0600\n\
\t-I, --iso-8601[=TIMESPEC]  ISO 8601 form; TIMESPEC is date (default), hours,\n\
\t\t\tminutes, seconds or ns\n\
\t--rfc-3339=TIMESPEC\tRFC 3339 form; TIMESPEC is date, seconds or ns\n\
\n\
FORMAT conversions: %a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %k %l %m\n\
%M %n %N %p %P %q %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %:z %::z\n\
%:::z %Z %%; flags - _ 0 ^ # and a width after the %.",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::value('d', "date"),
    Opt::value('f', "file"),
    Opt::value('r', "reference"),
    Opt::value('s', "set"),
    Opt::value('D', ""),
    Opt::flag('u', "utc"),
    Opt::flag('\0', "universal"),
    Opt::flag('R', "rfc-email"),
    Opt::flag('\0', "rfc-822"),
    Opt::flag('\0', "rfc-2822"),
    Opt::optional('I', "iso-8601"),
    Opt::value('\0', "rfc-3339"),
];

const DEFAULT_FORMAT: &str = "%a %b %e %H:%M:%S %Z %Y";
const RFC_EMAIL: &str = "%a, %d %b %Y %H:%M:%S %z";

/// `-I`'s and `--rfc-3339`'s arguments, as GNU's argmatch takes them: the
/// word or an unambiguous prefix.
fn timespec(word: &[u8], choices: &[&'static str]) -> Option<&'static str> {
    if let Some(exact) = choices.iter().find(|c| c.as_bytes() == word) {
        return Some(exact);
    }
    let mut hits = choices.iter().filter(|c| !word.is_empty() && c.as_bytes().starts_with(word));
    match (hits.next(), hits.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

fn iso_format(spec: &str) -> &'static str {
    match spec {
        "hours" => "%Y-%m-%dT%H%:z",
        "minutes" => "%Y-%m-%dT%H:%M%:z",
        "seconds" => "%Y-%m-%dT%H:%M:%S%:z",
        "ns" => "%Y-%m-%dT%H:%M:%S,%N%:z",
        _ => "%Y-%m-%d",
    }
}

fn rfc3339_format(spec: &str) -> &'static str {
    match spec {
        "seconds" => "%Y-%m-%d %H:%M:%S%:z",
        "ns" => "%Y-%m-%d %H:%M:%S.%N%:z",
        _ => "%Y-%m-%d",
    }
}

/// Puts `TZ` back as it was when dropped (`-u` and `TZ="..."` change it
/// for one run only, so the applet can run inside a shell's process).
struct TzGuard(Option<OsString>);

impl TzGuard {
    fn save() -> TzGuard {
        TzGuard(std::env::var_os("TZ"))
    }
}

impl Drop for TzGuard {
    fn drop(&mut self) {
        match &self.0 {
            Some(v) => std::env::set_var("TZ", v),
            None => std::env::remove_var("TZ"),
        }
    }
}

/// Sets `TZ`, making a zone name such as `EST5EDT` or `UTC` that is also
/// a file under /usr/share/zoneinfo name that file (`:EST5EDT`), as glibc
/// reads it: musl would take it as a POSIX zone string without rules and
/// get daylight saving time wrong.
fn set_tz(tz: &OsStr) {
    let b = tz.as_bytes();
    let plain = !b.is_empty()
        && b[0] != b':'
        && !b.contains(&b'/')
        && !b.contains(&b',')
        && !b.contains(&b'.');
    if plain && std::path::Path::new("/usr/share/zoneinfo").join(tz).is_file() {
        let mut v = OsString::from(":");
        v.push(tz);
        std::env::set_var("TZ", v);
    } else {
        std::env::set_var("TZ", tz);
    }
}

/// Where the times to print come from.
enum Source<'a> {
    Now,
    Date(&'a OsStr),
    File(&'a OsStr),
    Reference(&'a OsStr),
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let _tz = TzGuard::save();
    if m.has("u") || m.has("universal") {
        std::env::set_var("TZ", "UTC0");
    } else if let Some(tz) = std::env::var_os("TZ") {
        set_tz(&tz);
    }

    // The output format: one of +FORMAT, -I, -R, --rfc-3339.
    let mut format: Option<Vec<u8>> = None;
    let mut formats = 0;
    for (i, v) in &m.found {
        let spec = match OPTS[*i].long {
            "iso-8601" => {
                let word = v.as_deref().map(OsStr::as_bytes).unwrap_or(b"date");
                let choices = ["hours", "minutes", "date", "seconds", "ns"];
                match timespec(word, &choices) {
                    Some(s) => iso_format(s),
                    None => return bad_timespec(&parser, args, word, "--iso-8601", &choices),
                }
            }
            "rfc-3339" => {
                let word = v.as_deref().map(OsStr::as_bytes).unwrap_or(b"");
                let choices = ["date", "seconds", "ns"];
                match timespec(word, &choices) {
                    Some(s) => rfc3339_format(s),
                    None => return bad_timespec(&parser, args, word, "--rfc-3339", &choices),
                }
            }
            "rfc-email" | "rfc-822" | "rfc-2822" => RFC_EMAIL,
            _ => continue,
        };
        formats += 1;
        format = Some(spec.as_bytes().to_vec());
    }

    // Operands: +FORMAT, or (alone) the time to set.
    let mut set_operand: Option<&OsStr> = None;
    let dates_given = m.has("d") || m.has("f") || m.has("r");
    if let Some(first) = m.operands.first() {
        if let Some(f) = first.as_bytes().strip_prefix(b"+") {
            formats += 1;
            format = Some(f.to_vec());
        } else if dates_given || m.has("s") {
            let shown = quote::msg(first.as_bytes());
            return parser.usage_error(
                args,
                format_args!(
                    "the argument {shown} lacks a leading '+';\n\
                     when using an option to specify date(s), any non-option\n\
                     argument must be a format string beginning with '+'"
                ),
            );
        } else {
            set_operand = Some(first);
        }
    }
    if let Err(status) = parser.at_most(args, &m, 1) {
        return status;
    }
    if formats > 1 {
        diag.error("multiple output formats specified");
        return diag.status();
    }
    let format = format.unwrap_or_else(|| DEFAULT_FORMAT.as_bytes().to_vec());

    let sources = [m.has("d"), m.has("f"), m.has("r")].iter().filter(|x| **x).count();
    if sources > 1 {
        return parser.usage_error(args, "the options to specify dates for printing are mutually exclusive");
    }
    if m.has("s") && (sources > 0 || set_operand.is_some()) {
        return parser.usage_error(args, "the options to print and set the time may not be used together");
    }
    let hint = m.value("D").map(|f| f.as_bytes().to_vec());
    let mut out = Out::stdout();
    let now = Stamp::now();

    // Setting the clock.
    let to_set = if let Some(s) = m.value("s") {
        match parse_date(s.as_bytes(), hint.as_deref(), now) {
            Some(t) => Some(t),
            None => {
                diag.error(format_args!("invalid date {}", quote::msg(s.as_bytes())));
                return diag.status();
            }
        }
    } else if let Some(op) = set_operand {
        match parse_set_operand(op.as_bytes(), now) {
            Some(t) => Some(t),
            None => {
                diag.error(format_args!("invalid date {}", quote::msg(op.as_bytes())));
                return diag.status();
            }
        }
    } else {
        None
    };
    if let Some(t) = to_set {
        let ts = libc::timespec {
            tv_sec: t.secs,
            tv_nsec: t.nanos as i64,
        };
        // SAFETY: ts is a valid timespec.
        if unsafe { libc::clock_settime(libc::CLOCK_REALTIME, &ts) } != 0 {
            let e = std::io::Error::last_os_error();
            diag.error(format_args!("cannot set date: {}", crate::diag::strerror(&e)));
        }
        show(&format, t, &mut out, &mut diag);
        let status = diag.status();
        return out.finish(diag.name(), status);
    }

    let source = if let Some(d) = m.value("d") {
        Source::Date(d)
    } else if let Some(f) = m.value("f") {
        Source::File(f)
    } else if let Some(r) = m.value("r") {
        Source::Reference(r)
    } else {
        Source::Now
    };
    match source {
        Source::Now => show(&format, now, &mut out, &mut diag),
        Source::Date(d) => match parse_date(d.as_bytes(), hint.as_deref(), now) {
            Some(t) => show(&format, t, &mut out, &mut diag),
            None => diag.error(format_args!("invalid date {}", quote::msg(d.as_bytes()))),
        },
        Source::Reference(r) => {
            use std::os::unix::fs::MetadataExt;
            match std::fs::metadata(r) {
                Ok(md) => {
                    let t = Stamp {
                        secs: md.mtime(),
                        nanos: md.mtime_nsec() as u32,
                    };
                    show(&format, t, &mut out, &mut diag);
                }
                Err(e) => diag.io_error(r, &e),
            }
        }
        Source::File(f) => {
            let text = match read_all(f) {
                Ok(t) => t,
                Err(e) => {
                    diag.io_error(f, &e);
                    return diag.status();
                }
            };
            let mut lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
            if text.ends_with(b"\n") || text.is_empty() {
                lines.pop();
            }
            for line in lines {
                match parse_date(line, hint.as_deref(), now) {
                    Some(t) => show(&format, t, &mut out, &mut diag),
                    None => {
                        out.flush_now();
                        diag.error(format_args!("invalid date {}", quote::msg(line)));
                    }
                }
            }
        }
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}

fn bad_timespec(parser: &Parser, args: &[OsString], word: &[u8], opt: &str, choices: &[&str]) -> i32 {
    let mut msg = format!(
        "invalid argument {} for '{opt}'\nValid arguments are:",
        quote::msg(word)
    );
    for c in choices {
        msg.push_str(&format!("\n  - '{c}'"));
    }
    parser.usage_error(args, msg)
}

fn read_all(path: &OsStr) -> std::io::Result<Vec<u8>> {
    let input = Input::open(path)?;
    let mut text = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = read_fd(input.fd(), &mut buf)?;
        if n == 0 {
            return Ok(text);
        }
        text.extend_from_slice(&buf[..n]);
    }
}

/// Formats `t` in the local zone and writes it with a newline.
fn show(format: &[u8], t: Stamp, out: &mut Out, diag: &mut Diag) {
    let Some(tm) = time::local(t.secs) else {
        out.flush_now();
        diag.error(format_args!("time {} is out of range", t.secs));
        return;
    };
    let mut text = Vec::with_capacity(64);
    format_tm(format, &tm, t.nanos, &mut text);
    text.push(b'\n');
    out.write_bytes(&text);
}

/// `time::format` with GNU's readings where the shared formatter differs:
/// `#` lowers `%Z` and leaves `%P` alone; `^` raises `%c`, `%r` and the
/// other composites; `-` and `_` on `%N` drop or
/// blank its trailing zeros; the locale modifiers `E` and `O` are ignored
/// where C's strftime allows them (`%Ey`, `%OH`) and make the conversion
/// literal elsewhere.
fn format_tm(fmt: &[u8], tm: &libc::tm, nanos: u32, out: &mut Vec<u8>) {
    let mut i = 0;
    let mut plain = 0;
    while i < fmt.len() {
        if fmt[i] != b'%' {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < fmt.len() && b"-_0^#".contains(&fmt[j]) {
            j += 1;
        }
        let flags = &fmt[i + 1..j];
        while j < fmt.len() && fmt[j].is_ascii_digit() {
            j += 1;
        }
        let width = &fmt[i + 1 + flags.len()..j];
        let modifier = match fmt.get(j) {
            Some(&m @ (b'E' | b'O')) => {
                j += 1;
                Some(m)
            }
            _ => None,
        };
        let Some(&conv) = fmt.get(j) else {
            break;
        };
        let mut spec: Vec<u8> = Vec::new();
        let custom = match (modifier, conv) {
            (Some(b'E'), c) if b"cCxXyYz".contains(&c) => true,
            (Some(b'O'), c) if b"deHIkmMSuUVwWy".contains(&c) => true,
            (Some(_), _) => {
                // Not a conversion: copied as it is.
                spec.extend_from_slice(b"%%");
                spec.extend_from_slice(&fmt[i + 1..=j]);
                true
            }
            (None, b'Z') => flags.contains(&b'#'),
            (None, b'P') => flags.contains(&b'#'),
            (None, b'N') => flags.contains(&b'_') || (flags.contains(&b'-') && !width.is_empty()),
            (None, b'c' | b'r' | b'x' | b'X' | b'D' | b'T' | b'R' | b'F') => flags.contains(&b'^'),
            _ => false,
        };
        if !custom {
            i = j + 1;
            continue;
        }
        time::format(&fmt[plain..i], tm, nanos, out);
        plain = j + 1;
        i = j + 1;
        if !spec.is_empty() {
            time::format(&spec, tm, nanos, out);
            continue;
        }
        if conv == b'N' {
            let mut digits = Vec::new();
            let mut plain_spec = b"%".to_vec();
            plain_spec.extend_from_slice(width);
            plain_spec.push(b'N');
            time::format(&plain_spec, tm, nanos, &mut digits);
            let keep = digits.iter().rposition(|&d| d != b'0').map_or(1, |p| p + 1);
            let blank = flags.iter().rev().find(|f| **f == b'-' || **f == b'_') == Some(&b'_');
            let len = digits.len();
            digits.truncate(keep);
            if blank {
                digits.resize(len, b' ');
            }
            out.extend_from_slice(&digits);
            continue;
        }
        spec.push(b'%');
        spec.extend(flags.iter().copied().filter(|&f| f != b'#' && (f != b'^' || conv == b'P')));
        spec.extend_from_slice(width);
        spec.push(conv);
        let start = out.len();
        time::format(&spec, tm, nanos, out);
        if conv == b'Z' {
            out[start..].make_ascii_lowercase();
        } else if conv != b'P' && flags.contains(&b'^') {
            out[start..].make_ascii_uppercase();
        }
    }
    time::format(&fmt[plain..], tm, nanos, out);
}

/// A `-d`/`-s`/`-f` string: with `-D FORMAT` read by [`strptime`], else by
/// `datespec` (after GNU's optional `TZ="ZONE"` prefix).
fn parse_date(s: &[u8], hint: Option<&[u8]>, now: Stamp) -> Option<Stamp> {
    if let Some(f) = hint {
        return strptime(s, f, now);
    }
    let text = std::str::from_utf8(s).ok()?;
    let trimmed = text.trim_start();
    if let Some(rest) = trimmed.strip_prefix("TZ=\"") {
        let (zone, rest) = rest.split_once('"')?;
        let _guard = TzGuard::save();
        set_tz(OsStr::new(zone));
        return datespec::parse(rest, (now.secs, now.nanos)).map(stamp);
    }
    datespec::parse(text, (now.secs, now.nanos)).map(stamp)
}

fn stamp((secs, nanos): (i64, u32)) -> Stamp {
    Stamp { secs, nanos }
}

fn blank_tm() -> libc::tm {
    // SAFETY: an all-zero tm is valid.
    unsafe { std::mem::zeroed() }
}

fn local_stamp(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64) -> Option<Stamp> {
    let mut t = blank_tm();
    t.tm_year = i32::try_from(y - 1900).ok()?;
    t.tm_mon = (mo - 1) as i32;
    t.tm_mday = d as i32;
    t.tm_hour = h as i32;
    t.tm_min = mi as i32;
    t.tm_sec = s as i32;
    t.tm_isdst = -1;
    let secs = time::mktime_local(&t)?;
    // mktime moves 31 February to March: refuse such dates.
    let back = time::local(secs)?;
    (back.tm_mday as i64 == d && back.tm_mon as i64 + 1 == mo).then_some(Stamp { secs, nanos: 0 })
}

/// `date`'s set operand: `MMDDhhmm[[CC]YY][.ss]` in local time.
fn parse_set_operand(s: &[u8], now: Stamp) -> Option<Stamp> {
    let (main, secs) = match s.iter().position(|&b| b == b'.') {
        Some(p) => (&s[..p], Some(&s[p + 1..])),
        None => (s, None),
    };
    let digits = |b: &[u8]| -> Option<i64> {
        if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(b).ok()?.parse().ok()
    };
    let sec = match secs {
        Some(ss) if ss.len() == 2 => digits(ss)?,
        Some(_) => return None,
        None => 0,
    };
    digits(main)?;
    let field = |k: usize| digits(&main[k..k + 2]);
    let year = match main.len() {
        8 => time::local(now.secs)?.tm_year as i64 + 1900,
        10 => {
            let yy = digits(&main[8..])?;
            if yy < 69 {
                2000 + yy
            } else {
                1900 + yy
            }
        }
        12 => digits(&main[8..])?,
        _ => return None,
    };
    let (mo, d, h, mi) = (field(0)?, field(2)?, field(4)?, field(6)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    local_stamp(year, mo, d, h, mi, sec)
}

/// BusyBox's `-D`: reads `s` by the strptime-style `fmt`. Fields the
/// format does not give are today's date at 00:00:00; `%s` gives the
/// time outright. Unlike BusyBox, text left over after the format is an
/// error.
fn strptime(s: &[u8], fmt: &[u8], now: Stamp) -> Option<Stamp> {
    let today = time::local(now.secs)?;
    let mut r = Reader {
        s,
        i: 0,
        year: today.tm_year as i64 + 1900,
        month: today.tm_mon as i64 + 1,
        day: today.tm_mday as i64,
        hour: 0,
        min: 0,
        sec: 0,
        pm: None,
        epoch: None,
        zone: None,
    };
    r.run(fmt, 0)?;
    if r.i < s.len() {
        return None;
    }
    if let Some(e) = r.epoch {
        return Some(Stamp { secs: e, nanos: 0 });
    }
    if let Some(pm) = r.pm {
        if !(1..=12).contains(&r.hour) {
            return None;
        }
        r.hour = r.hour % 12 + if pm { 12 } else { 0 };
    }
    if !(1..=12).contains(&r.month) || r.day < 1 || r.day > 31 || r.hour > 23 || r.min > 59 || r.sec > 60 {
        return None;
    }
    match r.zone {
        Some(off) => {
            let mut t = blank_tm();
            t.tm_year = i32::try_from(r.year - 1900).ok()?;
            t.tm_mon = (r.month - 1) as i32;
            t.tm_mday = r.day as i32;
            t.tm_hour = r.hour as i32;
            t.tm_min = r.min as i32;
            t.tm_sec = r.sec as i32;
            Some(Stamp {
                secs: time::timegm(&t) - off,
                nanos: 0,
            })
        }
        None => local_stamp(r.year, r.month, r.day, r.hour, r.min, r.sec),
    }
}

struct Reader<'a> {
    s: &'a [u8],
    i: usize,
    year: i64,
    month: i64,
    day: i64,
    hour: i64,
    min: i64,
    sec: i64,
    pm: Option<bool>,
    epoch: Option<i64>,
    zone: Option<i64>,
}

impl Reader<'_> {
    fn skip_space(&mut self) {
        while self.s.get(self.i).is_some_and(u8::is_ascii_whitespace) {
            self.i += 1;
        }
    }

    /// Up to `max` digits (at least one), after optional blanks.
    fn number(&mut self, max: usize) -> Option<i64> {
        self.skip_space();
        let start = self.i;
        while self.i < self.s.len() && self.i - start < max && self.s[self.i].is_ascii_digit() {
            self.i += 1;
        }
        if self.i == start {
            return None;
        }
        std::str::from_utf8(&self.s[start..self.i]).ok()?.parse().ok()
    }

    /// A name from `names`, full or its first three letters, any case.
    fn name(&mut self, names: &[&str]) -> Option<i64> {
        self.skip_space();
        let rest = &self.s[self.i..];
        for (k, n) in names.iter().enumerate() {
            for cand in [n.as_bytes(), &n.as_bytes()[..3]] {
                if rest.len() >= cand.len() && rest[..cand.len()].eq_ignore_ascii_case(cand) {
                    self.i += cand.len();
                    return Some(k as i64);
                }
            }
        }
        None
    }

    fn run(&mut self, fmt: &[u8], depth: u8) -> Option<()> {
        let mut k = 0;
        while k < fmt.len() {
            let c = fmt[k];
            k += 1;
            if c.is_ascii_whitespace() {
                self.skip_space();
                continue;
            }
            if c != b'%' {
                if self.s.get(self.i) != Some(&c) {
                    return None;
                }
                self.i += 1;
                continue;
            }
            let conv = *fmt.get(k)?;
            k += 1;
            match conv {
                b'%' => {
                    if self.s.get(self.i) != Some(&b'%') {
                        return None;
                    }
                    self.i += 1;
                }
                b'n' | b't' => self.skip_space(),
                b'Y' => self.year = self.number(4)?,
                b'C' => {
                    let c = self.number(2)?;
                    self.year = c * 100 + self.year.rem_euclid(100);
                }
                b'y' => {
                    let y = self.number(2)?;
                    self.year = if y < 69 { 2000 + y } else { 1900 + y };
                }
                b'm' => self.month = self.number(2)?,
                b'd' | b'e' => self.day = self.number(2)?,
                b'H' | b'k' => {
                    self.hour = self.number(2)?;
                    self.pm = None;
                }
                b'I' | b'l' => self.hour = self.number(2)?,
                b'M' => self.min = self.number(2)?,
                b'S' => self.sec = self.number(2)?,
                b'j' => {
                    let yday = self.number(3)?;
                    if !(1..=366).contains(&yday) {
                        return None;
                    }
                    let days = time::days_from_civil(self.year, 1, 1) + yday - 1;
                    let t = time::utc(days * 86400)?;
                    self.month = t.tm_mon as i64 + 1;
                    self.day = t.tm_mday as i64;
                }
                b'b' | b'B' | b'h' => self.month = self.name(&time::MONTHS)? + 1,
                b'a' | b'A' => {
                    self.name(&time::DAYS)?;
                }
                b'p' | b'P' => {
                    self.skip_space();
                    let rest = &self.s[self.i..];
                    if rest.len() < 2 {
                        return None;
                    }
                    self.pm = Some(match &rest[..2] {
                        x if x.eq_ignore_ascii_case(b"am") => false,
                        x if x.eq_ignore_ascii_case(b"pm") => true,
                        _ => return None,
                    });
                    self.i += 2;
                }
                b's' => {
                    self.skip_space();
                    let neg = self.s.get(self.i) == Some(&b'-');
                    if neg {
                        self.i += 1;
                    }
                    let v = self.number(19)?;
                    self.epoch = Some(if neg { -v } else { v });
                }
                b'z' => {
                    self.skip_space();
                    let sign = match self.s.get(self.i) {
                        Some(b'+') => 1,
                        Some(b'-') => -1,
                        Some(b'Z') => {
                            self.i += 1;
                            self.zone = Some(0);
                            continue;
                        }
                        _ => return None,
                    };
                    self.i += 1;
                    let h = self.number(2)?;
                    if self.s.get(self.i) == Some(&b':') {
                        self.i += 1;
                    }
                    let m = self.number(2)?;
                    self.zone = Some(sign * (h * 3600 + m * 60));
                }
                b'T' | b'R' | b'D' | b'F' | b'r' if depth == 0 => {
                    let sub: &[u8] = match conv {
                        b'T' => b"%H:%M:%S",
                        b'R' => b"%H:%M",
                        b'D' => b"%m/%d/%y",
                        b'r' => b"%I:%M:%S %p",
                        _ => b"%Y-%m-%d",
                    };
                    self.run(sub, 1)?;
                }
                _ => return None,
            }
        }
        Some(())
    }
}
