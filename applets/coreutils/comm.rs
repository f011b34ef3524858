//! comm: select or reject lines common to two sorted files.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/comm.html
//!
//! Lines compare as bytes (the C locale's collation); `-i` (an extension,
//! not in GNU) folds ASCII case. Order is checked as GNU does: by default
//! only once an unpairable line has been seen, with one "file N is not in
//! sorted order" per file and a final "input is not in sorted order"
//! (exit 1); `--check-order` makes the first disorder fatal. A last line
//! without a newline gets one, as in GNU.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::{read_fd, Input, Out};
use crate::{Applet, Dir};
use std::cmp::Ordering;
use std::ffi::OsString;
use std::io;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "comm",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-123iz] [--total] [--output-delimiter=STR] FILE1 FILE2",
    help: "Compare sorted files FILE1 and FILE2 line by line: lines only in FILE1,\n\
lines only in FILE2, and lines in both, in three columns.\n\
\n\
\t-1\tSuppress column 1 (lines unique to FILE1)\n\
\t-2\tSuppress column 2 (lines unique to FILE2)\n\
\t-3\tSuppress column 3 (lines in both files)\n\
\t-i\tIgnore case when comparing lines\n\
\t--check-order\t\tFail on unsorted input\n\
\t--nocheck-order\t\tDo not check the input order\n\
\t--output-delimiter=STR\tSeparate columns with STR\n\
\t--total\t\t\tOutput a summary\n\
\t-z\tLines end with NUL, not newline",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('1', ""),
    Opt::flag('2', ""),
    Opt::flag('3', ""),
    Opt::flag('i', "ignore-case"),
    Opt::flag('\0', "check-order"),
    Opt::flag('\0', "nocheck-order"),
    Opt::value('\0', "output-delimiter"),
    Opt::flag('\0', "total"),
    Opt::flag('z', "zero-terminated"),
];

/// Reads delimited lines from a descriptor through a large buffer.
struct Lines {
    input: Input,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
}

impl Lines {
    fn new(input: Input) -> Lines {
        Lines {
            input,
            buf: vec![0; 64 * 1024],
            start: 0,
            end: 0,
            eof: false,
        }
    }

    /// The next line into `line` (without its delimiter); false at the end.
    fn next(&mut self, delim: u8, line: &mut Vec<u8>) -> io::Result<bool> {
        line.clear();
        loop {
            if let Some(p) = memchr::memchr(delim, &self.buf[self.start..self.end]) {
                line.extend_from_slice(&self.buf[self.start..self.start + p]);
                self.start += p + 1;
                return Ok(true);
            }
            line.extend_from_slice(&self.buf[self.start..self.end]);
            self.start = 0;
            self.end = 0;
            if self.eof {
                return Ok(!line.is_empty());
            }
            let n = read_fd(self.input.fd(), &mut self.buf)?;
            if n == 0 {
                self.eof = true;
            }
            self.end = n;
        }
    }
}

fn compare(a: &[u8], b: &[u8], icase: bool) -> Ordering {
    if icase {
        a.iter()
            .map(u8::to_ascii_lowercase)
            .cmp(b.iter().map(u8::to_ascii_lowercase))
    } else {
        a.cmp(b)
    }
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum Check {
    Default,
    On,
    Off,
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    match m.operands.len() {
        0 => return parser.usage_error(args, "missing operand"),
        1 => {
            let shown = String::from_utf8_lossy(m.operands[0].as_bytes()).into_owned();
            return parser.usage_error(args, format_args!("missing operand after '{shown}'"));
        }
        _ => {}
    }
    if let Err(status) = parser.at_most(args, &m, 2) {
        return status;
    }
    let mut diag = Diag::new(args);
    let delims = m.values("output-delimiter");
    if delims.windows(2).any(|w| w[0] != w[1]) {
        diag.error("multiple output delimiters specified");
        return 1;
    }
    let sep: Vec<u8> = match delims.first() {
        None => b"\t".to_vec(),
        Some(d) if d.is_empty() => vec![0],
        Some(d) => d.as_bytes().to_vec(),
    };
    let show = [!m.has("1"), !m.has("2"), !m.has("3")];
    let icase = m.has("i");
    let eol = if m.has("z") { 0u8 } else { b'\n' };
    let check = match m.last_of(&["check-order", "nocheck-order"]) {
        Some("check-order") => Check::On,
        Some(_) => Check::Off,
        None => Check::Default,
    };
    let mut files = Vec::new();
    for op in &m.operands {
        match Input::open(op) {
            Ok(i) => files.push(Lines::new(i)),
            Err(e) => {
                diag.io_error(op, &e);
                return 1;
            }
        }
    }
    let mut out = Out::stdout();
    // For each file: the current line, the previous one, whether there is a
    // current line, and whether its disorder was reported.
    let mut cur = [Vec::new(), Vec::new()];
    let mut prev = [Vec::new(), Vec::new()];
    let mut have = [false, false];
    let mut warned = [false, false];
    let mut seen_unpairable = false;
    let mut totals = [0u64; 3];
    let mut failed = false;
    let mut read = |w: usize, line: &mut Vec<u8>, diag: &mut Diag| -> bool {
        match files[w].next(eol, line) {
            Ok(b) => b,
            Err(e) => {
                diag.io_error(&m.operands[w], &e);
                false
            }
        }
    };
    for w in 0..2 {
        have[w] = read(w, &mut cur[w], &mut diag);
    }
    'merge: while have[0] || have[1] {
        let order = if !have[0] {
            Ordering::Greater
        } else if !have[1] {
            Ordering::Less
        } else {
            compare(&cur[0], &cur[1], icase)
        };
        let (class, line) = match order {
            Ordering::Equal => (2, &cur[1]),
            Ordering::Less => (0, &cur[0]),
            Ordering::Greater => (1, &cur[1]),
        };
        if order != Ordering::Equal {
            seen_unpairable = true;
        }
        totals[class] += 1;
        if show[class] {
            for _ in show[..class].iter().filter(|&&s| s) {
                out.write_bytes(&sep);
            }
            out.write_bytes(line);
            out.write_bytes(&[eol]);
        }
        for w in 0..2 {
            let step = if w == 0 { order.is_le() } else { order.is_ge() };
            if !step {
                continue;
            }
            std::mem::swap(&mut cur[w], &mut prev[w]);
            have[w] = read(w, &mut cur[w], &mut diag);
            let checking = check == Check::On || (check == Check::Default && seen_unpairable);
            if have[w]
                && checking
                && !warned[w]
                && compare(&prev[w], &cur[w], icase) == Ordering::Greater
            {
                out.flush_now();
                diag.error(format_args!("file {} is not in sorted order", w + 1));
                warned[w] = true;
                if check == Check::On {
                    failed = true;
                    break 'merge;
                }
            }
        }
    }
    if failed {
        return out.close(&diag);
    }
    if m.has("total") {
        for t in totals {
            out.write_bytes(t.to_string().as_bytes());
            out.write_bytes(&sep);
        }
        out.write_bytes(b"total");
        out.write_bytes(&[eol]);
    }
    if warned[0] || warned[1] {
        out.flush_now();
        diag.error("input is not in sorted order");
    }
    out.close(&diag)
}
