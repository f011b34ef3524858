//! cal: display a calendar, laid out byte for byte as BusyBox's cal
//! (itself the BSD one): a month, `-y` a year, `-3` the months around one.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/cal.html
//!
//! The calendar is Julian up to 2 September 1752 and Gregorian from the 14th,
//! as in Britain and its colonies (and POSIX). Layout facts kept from
//! BusyBox: week rows lose their trailing blanks except when a row is blank
//! altogether (then it stays as wide as its buffer: a month's 21 or 28
//! columns, 79 in a year); a year's title and month-name lines keep theirs.
//! Today is shown in reverse video only when standard output is a terminal.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::Out;
use crate::time::{self, Stamp, MONTHS};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "cal",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-jmy3] [[MONTH] YEAR]",
    help: "Display a calendar: this month, MONTH of YEAR, or all of YEAR.\n\
\n\
\t-j\tUse julian dates (days numbered from 1 January)\n\
\t-m\tWeek starts on Monday\n\
\t-y\tDisplay the entire year\n\
\t-3\tDisplay the previous, current and next month",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('j', ""),
    Opt::flag('m', ""),
    Opt::flag('y', ""),
    Opt::flag('3', ""),
];

/// Columns of a week heading (`Su Mo Tu We Th Fr Sa`) and of a week row's
/// buffer, plain and julian.
const WEEK_LEN: usize = 20;
const J_WEEK_LEN: usize = 27;
/// The width of a year's row buffer.
const YEAR_ROW: usize = 79;
const DAY_NAMES: [&str; 7] = ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"];
const HILITE_ON: &[u8] = b"\x1b[7m";
const HILITE_OFF: &[u8] = b"\x1b[27m";

struct Style {
    julian: bool,
    monday: bool,
    /// Today as (year, month, day), when it is to be highlighted.
    today: Option<(u32, u32, u32)>,
}

impl Style {
    fn week_len(&self) -> usize {
        if self.julian {
            J_WEEK_LEN
        } else {
            WEEK_LEN
        }
    }
    fn cell(&self) -> usize {
        if self.julian {
            4
        } else {
            3
        }
    }
    fn headings(&self) -> String {
        let mut s = String::new();
        for k in 0..7 {
            let d = DAY_NAMES[(k + self.monday as usize) % 7];
            if !s.is_empty() {
                s.push(' ');
            }
            if self.julian {
                s.push(' ');
            }
            s.push_str(d);
        }
        s
    }
}

fn leap_year(y: u32) -> bool {
    if y <= 1752 {
        y.is_multiple_of(4)
    } else {
        (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
    }
}

fn month_days(y: u32, m: u32) -> u32 {
    match m {
        2 if leap_year(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Day of the year (1-based) of the first of month `m`.
fn first_yday(y: u32, m: u32) -> u32 {
    1 + (1..m).map(|k| month_days(y, k)).sum::<u32>()
}

/// Weekday (0 = Sunday) of the first of month `m`, across the 1752 change.
fn first_weekday(y: u32, m: u32) -> usize {
    let prev = (y - 1) as u64;
    let centuries = if prev > 1700 { prev / 100 - 17 } else { 0 };
    let quads = if prev > 1600 { (prev - 1600) / 400 } else { 0 };
    let leaps = prev / 4 - centuries + quads;
    // Days from 1 January of year 1 (a Saturday in this reckoning).
    let n = prev * 365 + leaps + first_yday(y, m) as u64;
    // 3 September 1752, the first of the eleven days that never were.
    let missing = if n >= 639_787 { 11 } else { 0 };
    ((n - 1 + 6 - missing) % 7) as usize
}

/// The 42 cells of a month (6 weeks): day numbers (days of the year with
/// `-j`), 0 for blanks.
fn day_array(y: u32, m: u32, st: &Style) -> [u32; 42] {
    let mut cells = [0u32; 42];
    let shift = st.monday as usize;
    let base = if st.julian { first_yday(y, m) - 1 } else { 0 };
    if y == 1752 && m == 9 {
        let days = (1..=2).chain(14..=30);
        for (k, d) in days.enumerate() {
            cells[k + 2 - shift] = d + base;
        }
        return cells;
    }
    let start = (first_weekday(y, m) + 7 - shift) % 7;
    for d in 1..=month_days(y, m) {
        cells[start + d as usize - 1] = d + base;
    }
    cells
}

/// Writes week `row` of month (`y`, `m`) into `buf` at `at` (the cells are
/// `st.cell()` wide, right-aligned in all but their last column); gives the
/// span of today's number if it is in this row.
fn build_row(buf: &mut [u8], at: usize, cells: &[u32; 42], row: usize, y: u32, m: u32, st: &Style) -> Option<(usize, usize)> {
    let w = st.cell();
    let mut hit = None;
    for col in 0..7 {
        let v = cells[row * 7 + col];
        if v == 0 {
            continue;
        }
        let text = v.to_string();
        let end = at + col * w + (w - 1);
        let start = end - text.len();
        buf[start..end].copy_from_slice(text.as_bytes());
        if let Some((ty, tm, td)) = st.today {
            let day = if st.julian { v + 1 - first_yday(y, m) } else { v };
            if ty == y && tm == m && td == day {
                hit = Some((start, end));
            }
        }
    }
    hit
}

/// Trims trailing blanks (unless the row is all blank, as BusyBox leaves
/// it), highlights today, and writes the row with a newline.
fn print_row(row: &[u8], hit: Option<(usize, usize)>, out: &mut Out) {
    let end = row.iter().rposition(|&b| b != b' ').map_or(row.len(), |p| p + 1);
    let row = &row[..end];
    match hit {
        Some((a, b)) if b <= row.len() => {
            out.write_bytes(&row[..a]);
            out.write_bytes(HILITE_ON);
            out.write_bytes(&row[a..b]);
            out.write_bytes(HILITE_OFF);
            out.write_bytes(&row[b..]);
        }
        _ => out.write_bytes(row),
    }
    out.write_bytes(b"\n");
}

/// `text` centered in `width` columns, the odd blank on the right, then
/// `sep` more blanks.
fn center(text: &str, width: usize, sep: usize) -> String {
    let room = width.saturating_sub(text.len());
    format!("{:l$}{text}{:r$}", "", "", l = room / 2, r = room - room / 2 + sep)
}

fn month(y: u32, m: u32, st: &Style, out: &mut Out) {
    let title = format!("{} {y}", MONTHS[m as usize - 1]);
    let indent = st.week_len().saturating_sub(title.len()) / 2;
    out.write_bytes(format!("{:indent$}{title}\n{}\n", "", st.headings()).as_bytes());
    let cells = day_array(y, m, st);
    let mut buf = vec![b' '; 7 * st.cell()];
    for row in 0..6 {
        buf.fill(b' ');
        let hit = build_row(&mut buf, 0, &cells, row, y, m, st);
        print_row(&buf, hit, out);
    }
}

/// Months side by side under their titles, as in a year's page.
fn month_group(months: &[(u32, u32)], titles: &[String], st: &Style, out: &mut Out) {
    let wl = st.week_len();
    let mut line = String::new();
    for (k, t) in titles.iter().enumerate() {
        let sep = if k + 1 < titles.len() { 2 } else { 0 };
        line.push_str(&center(t, wl, sep));
    }
    line.push('\n');
    let heads = vec![st.headings(); months.len()];
    line.push_str(&heads.join("  "));
    line.push('\n');
    out.write_bytes(line.as_bytes());
    let cells: Vec<[u32; 42]> = months.iter().map(|&(y, m)| day_array(y, m, st)).collect();
    let needed = (months.len() - 1) * (wl + 2) + 7 * st.cell();
    let mut buf = vec![b' '; YEAR_ROW.max(needed)];
    for row in 0..6 {
        buf.fill(b' ');
        let mut hit = None;
        for (k, &(y, m)) in months.iter().enumerate() {
            hit = build_row(&mut buf, k * (wl + 2), &cells[k], row, y, m, st).or(hit);
        }
        print_row(&buf, hit, out);
    }
}

fn year(y: u32, st: &Style, out: &mut Out) {
    let per_row = if st.julian { 2 } else { 3 };
    let width = if st.julian { J_WEEK_LEN * 2 + 2 } else { WEEK_LEN * 3 + 4 };
    out.write_bytes(format!("{}\n\n", center(&y.to_string(), width, 0)).as_bytes());
    for first in (1..=12).step_by(per_row) {
        let months: Vec<(u32, u32)> = (first..first + per_row as u32).map(|m| (y, m)).collect();
        let titles: Vec<String> = months.iter().map(|&(_, m)| MONTHS[m as usize - 1].to_string()).collect();
        month_group(&months, &titles, st, out);
    }
}

/// `-3`: the month before, the month, the month after, titled with their
/// years (BusyBox has no -3; util-linux's layout differs in its blanks).
fn three(y: u32, m: u32, st: &Style, out: &mut Out) {
    let prev = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
    let next = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    let mut months = vec![(y, m)];
    if y > 1 || m > 1 {
        months.insert(0, prev);
    }
    if y < 9999 || m < 12 {
        months.push(next);
    }
    let titles: Vec<String> = months.iter().map(|&(yy, mm)| format!("{} {yy}", MONTHS[mm as usize - 1])).collect();
    month_group(&months, &titles, st, out);
}

/// A number in `lo..=hi`, with BusyBox's messages.
fn number(arg: &OsString, lo: u32, hi: u32, diag: &mut Diag) -> Option<u32> {
    let text = String::from_utf8_lossy(arg.as_bytes()).into_owned();
    let n: Option<u64> = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    };
    match n {
        None => {
            diag.error(format_args!("invalid number '{text}'"));
            None
        }
        Some(v) if v < lo as u64 || v > hi as u64 => {
            diag.error(format_args!("number {text} is not in {lo}..{hi} range"));
            None
        }
        Some(v) => Some(v as u32),
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    if let Err(status) = parser.at_most(args, &m, 2) {
        return status;
    }
    let mut diag = Diag::new(args);
    let now = time::local(Stamp::now().secs);
    let today = now.map(|t| (t.tm_year as u32 + 1900, t.tm_mon as u32 + 1, t.tm_mday as u32));
    let whole_year = m.has("y");
    let (y, mo) = match m.operands.len() {
        0 => match today {
            Some((y, mo, _)) => (y, mo),
            None => {
                diag.error("cannot get the current time");
                return diag.status();
            }
        },
        1 => match number(&m.operands[0], 1, 9999, &mut diag) {
            Some(y) => (y, 0),
            None => return diag.status(),
        },
        _ => {
            let mo = if whole_year {
                Some(0)
            } else {
                number(&m.operands[0], 1, 12, &mut diag)
            };
            match (mo, number(&m.operands[1], 1, 9999, &mut diag)) {
                (Some(mo), Some(y)) => (y, mo),
                _ => return diag.status(),
            }
        }
    };
    let st = Style {
        julian: m.has("j"),
        monday: m.has("m"),
        today: today.filter(|_| crate::sys::isatty(1)),
    };
    let mut out = Out::stdout();
    if whole_year || mo == 0 {
        year(y, &st, &mut out);
    } else if m.has("3") {
        three(y, mo, &st, &mut out);
    } else {
        month(y, mo, &st, &mut out);
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}
