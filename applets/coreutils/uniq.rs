//! uniq: report or omit repeated lines.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/uniq.html
//!
//! Adjacent equal lines form a group; lines compare after skipping `-f N`
//! fields and `-s N` characters, on at most `-w N` characters, ignoring
//! case with `-i`. The first line of each group is printed (with `-c` its
//! count, `-d` only repeated groups, `-u` only single lines); `-D`
//! (`--all-repeated[=none|prepend|separate]`) and `--group[=...]` print
//! whole groups as GNU does. Output always ends lines with the line end.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::{read_fd, Out};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::io::AsRawFd;

pub const APPLET: Applet = Applet {
    name: "uniq",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-cdDiuz] [-f N] [-s N] [-w N] [--group[=HOW]] [INPUT [OUTPUT]]",
    help: "Print INPUT (standard input for none or -) without adjacent repeated\n\
lines, to OUTPUT (standard output).\n\
\n\
\t-c\tPrefix lines with their counts\n\
\t-d\tOnly one line of each repeated group\n\
\t-D\tAll lines of repeated groups (--all-repeated[=none|prepend|separate])\n\
\t-u\tOnly lines that are not repeated\n\
\t-i\tIgnore case\n\
\t-f N\tSkip N fields before comparing\n\
\t-s N\tSkip N characters before comparing\n\
\t-w N\tCompare at most N characters\n\
\t-z\tLines end with NUL, not newline\n\
\t--group[=HOW]\tAll lines, groups separated (separate|prepend|append|both)",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('c', "count"),
    Opt::flag('d', "repeated"),
    Opt::flag('D', ""),
    Opt::optional('\0', "all-repeated"),
    Opt::flag('u', "unique"),
    Opt::flag('i', "ignore-case"),
    Opt::value('f', "skip-fields"),
    Opt::value('s', "skip-chars"),
    Opt::value('w', "check-chars"),
    Opt::flag('z', "zero-terminated"),
    Opt::optional('\0', "group"),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sep {
    None,
    Prepend,
    Separate,
    Append,
    Both,
}

struct Uniq {
    skip_fields: usize,
    skip_chars: usize,
    width: Option<usize>,
    ignore_case: bool,
}

impl Uniq {
    /// The part of a line that is compared.
    fn key<'a>(&self, line: &'a [u8]) -> &'a [u8] {
        let mut i = 0;
        for _ in 0..self.skip_fields {
            while i < line.len() && (line[i] == b' ' || line[i] == b'\t') {
                i += 1;
            }
            while i < line.len() && line[i] != b' ' && line[i] != b'\t' {
                i += 1;
            }
        }
        i = (i + self.skip_chars).min(line.len());
        let end = self.width.map_or(line.len(), |w| (i + w).min(line.len()));
        &line[i..end]
    }

    fn same(&self, a: &[u8], b: &[u8]) -> bool {
        let (x, y) = (self.key(a), self.key(b));
        if self.ignore_case {
            x.eq_ignore_ascii_case(y)
        } else {
            x == y
        }
    }
}

/// A run of equal lines.
struct Group {
    first: Vec<u8>,
    rest: Vec<Vec<u8>>,
    n: usize,
}

fn number(s: &[u8], what: &str, diag: &mut Diag) -> Option<usize> {
    match std::str::from_utf8(s).ok().and_then(|t| t.parse::<u64>().ok()) {
        Some(n) => Some(n.min(usize::MAX as u64) as usize),
        None => {
            diag.error(format_args!("{}: {what}", String::from_utf8_lossy(s)));
            None
        }
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    if let Err(status) = parser.at_most(args, &m, 2) {
        return status;
    }
    let get = |k: &str, what: &str, diag: &mut Diag| -> Result<Option<usize>, ()> {
        match m.value(k) {
            None => Ok(None),
            Some(v) => number(v.as_bytes(), what, diag).map(Some).ok_or(()),
        }
    };
    let (Ok(f), Ok(s), Ok(w)) = (
        get("f", "invalid number of fields to skip", &mut diag),
        get("s", "invalid number of bytes to skip", &mut diag),
        get("w", "invalid number of bytes to compare", &mut diag),
    ) else {
        return 1;
    };
    let u = Uniq { skip_fields: f.unwrap_or(0), skip_chars: s.unwrap_or(0), width: w, ignore_case: m.has("i") };
    let count = m.has("c");
    let repeated = m.has("d");
    let unique = m.has("u");
    let all_repeated = if m.has("D") || m.has("all-repeated") {
        Some(match m.value("all-repeated").map(|v| v.as_bytes()) {
            None | Some(b"none") => Sep::None,
            Some(b"prepend") => Sep::Prepend,
            Some(b"separate") => Sep::Separate,
            Some(other) => {
                let shown = String::from_utf8_lossy(other).into_owned();
                return parser.usage_error(args, format_args!("invalid argument '{shown}' for '--all-repeated'"));
            }
        })
    } else {
        None
    };
    let group = if m.has("group") {
        Some(match m.value("group").map(|v| v.as_bytes()) {
            None | Some(b"separate") => Sep::Separate,
            Some(b"prepend") => Sep::Prepend,
            Some(b"append") => Sep::Append,
            Some(b"both") => Sep::Both,
            Some(other) => {
                let shown = String::from_utf8_lossy(other).into_owned();
                return parser.usage_error(args, format_args!("invalid argument '{shown}' for '--group'"));
            }
        })
    } else {
        None
    };
    if count && all_repeated.is_some() {
        return parser.usage_error(args, "printing all duplicated lines and repeat counts is meaningless");
    }
    if group.is_some() && (count || repeated || unique || all_repeated.is_some()) {
        return parser.usage_error(args, "--group is mutually exclusive with -c/-d/-D/-u");
    }
    let eol = if m.has("z") { 0 } else { b'\n' };
    let input = m.operands.first().cloned().unwrap_or_else(|| OsString::from("-"));
    let file;
    let fd = if input == "-" {
        0
    } else {
        match std::fs::File::open(&input) {
            Ok(f) => {
                file = f;
                file.as_raw_fd()
            }
            Err(e) => {
                diag.io_error(&input, &e);
                return 1;
            }
        }
    };
    let out_file;
    let mut out = match m.operands.get(1) {
        Some(o) if o != "-" => match std::fs::File::create(o) {
            Ok(f) => {
                out_file = f;
                Out::to_fd(out_file.as_raw_fd())
            }
            Err(e) => {
                diag.io_error(o, &e);
                return 1;
            }
        },
        _ => Out::stdout(),
    };
    // Read all lines, grouping as they come.
    let mut buf = vec![0u8; 128 * 1024];
    let mut pending: Vec<u8> = Vec::new();
    // The group so far: its first line and size, and the other lines only
    // where whole groups are printed (no allocation per line otherwise).
    let keep_all = group.is_some() || all_repeated.is_some();
    let mut g = Group { first: Vec::new(), rest: Vec::new(), n: 0 };
    let mut groups_done = 0u64;
    let mut text = Vec::new();
    let emit = |g: &mut Group, out: &mut Out, groups_done: &mut u64, text: &mut Vec<u8>| {
        if g.n == 0 {
            return;
        }
        let n = g.n;
        text.clear();
        let whole = |text: &mut Vec<u8>, g: &Group| {
            for l in std::iter::once(&g.first).chain(g.rest.iter()) {
                text.extend_from_slice(l);
                text.push(eol);
            }
        };
        if let Some(sep) = group {
            let before = match sep {
                Sep::Separate => *groups_done > 0,
                Sep::Prepend | Sep::Both => true,
                _ => false,
            };
            if before {
                text.push(eol);
            }
            whole(text, g);
            if sep == Sep::Append {
                text.push(eol);
            }
            *groups_done += 1;
        } else if let Some(sep) = all_repeated {
            if n > 1 {
                if (sep == Sep::Separate && *groups_done > 0) || sep == Sep::Prepend {
                    text.push(eol);
                }
                whole(text, g);
                *groups_done += 1;
            }
        } else if (!repeated || n > 1) && (!unique || n == 1) {
            if count {
                text.extend_from_slice(format!("{n:>7} ").as_bytes());
            }
            text.extend_from_slice(&g.first);
            text.push(eol);
        }
        out.write_bytes(text);
        g.rest.clear();
        g.n = 0;
    };
    let mut push_line = |line: &[u8], g: &mut Group, out: &mut Out, groups_done: &mut u64| {
        if g.n > 0 && u.same(&g.first, line) {
            g.n += 1;
            if keep_all {
                g.rest.push(line.to_vec());
            }
            return;
        }
        emit(g, out, groups_done, &mut text);
        g.first.clear();
        g.first.extend_from_slice(line);
        g.n = 1;
    };
    loop {
        let n = match read_fd(fd, &mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                diag.io_error(&input, &e);
                break;
            }
        };
        let mut start = 0;
        for p in memchr::memchr_iter(eol, &buf[..n]) {
            if pending.is_empty() {
                push_line(&buf[start..p], &mut g, &mut out, &mut groups_done);
            } else {
                pending.extend_from_slice(&buf[start..p]);
                push_line(&pending, &mut g, &mut out, &mut groups_done);
                pending.clear();
            }
            start = p + 1;
        }
        pending.extend_from_slice(&buf[start..n]);
    }
    if !pending.is_empty() {
        push_line(&pending, &mut g, &mut out, &mut groups_done);
    }
    let mut last = Vec::new();
    emit(&mut g, &mut out, &mut groups_done, &mut last);
    if group == Some(Sep::Both) && groups_done > 0 {
        out.write_bytes(&[eol]);
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}
