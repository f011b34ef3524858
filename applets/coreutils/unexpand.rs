//! unexpand: convert blanks to tabs.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/unexpand.html
//!
//! Without options only the blanks before a line's first non-blank are
//! converted; `-a` converts every run, `-t N` or a stop list (as for
//! expand, with `/N` and `+N`) implies `-a`, and `--first-only` (BusyBox's
//! `-f`) goes back to leading blanks only. GNU's rules: a run of blanks
//! that reaches a tab stop becomes a tab, but a single space just before a
//! stop stays a space unless more blanks follow it; past the last stop of
//! a list nothing more on the line is converted. A backspace steps back a
//! column. The obsolescent `-N` and `-N,M` work.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::{read_fd, Input, Out};
use crate::tabstops::{self, Stops};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "unexpand",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-af] [--first-only] [-t N|LIST] [FILE]...",
    help: "Write FILEs (standard input for none or -) with blanks turned into tabs.\n\
\n\
\t-a\tConvert every run of blanks, not only leading ones\n\
\t-f, --first-only\tOnly leading blanks (overrides -a)\n\
\t-t N\tTab stops every N columns (default 8); implies -a\n\
\t-t LIST\tTab stops at the columns of LIST (2,5,8; last /N or +N repeats)",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('a', "all"),
    Opt::flag('f', "first-only"),
    Opt::value('t', "tabs"),
];

/// The last stop of a plain list (`2,5,8`), past which nothing converts.
fn list_end(specs: &[&[u8]]) -> Option<u64> {
    let mut n = 0;
    let mut last = 0;
    for spec in specs {
        for part in spec.split(|&b| b == b',' || b == b' ') {
            if part.is_empty() {
                continue;
            }
            if part[0] == b'/' || part[0] == b'+' {
                return None;
            }
            n += 1;
            last = std::str::from_utf8(part).ok()?.parse().ok()?;
        }
    }
    (n > 1).then_some(last)
}

/// The conversion state of one line.
struct Line {
    col: u64,
    convert: bool,
    prev_blank: bool,
    /// Blanks not yet written.
    pending: Vec<u8>,
    /// The first pending blank is a lone space that reached a stop.
    one_before_stop: bool,
}

struct Conv<'a> {
    stops: &'a Stops,
    end: Option<u64>,
    all: bool,
}

impl Conv<'_> {
    fn flush(line: &mut Line, text: &mut Vec<u8>) {
        if !line.pending.is_empty() {
            if line.pending.len() > 1 && line.one_before_stop {
                line.pending[0] = b'\t';
            }
            text.extend_from_slice(&line.pending);
            line.pending.clear();
            line.one_before_stop = false;
        }
    }

    fn byte(&self, line: &mut Line, mut c: u8, text: &mut Vec<u8>) {
        let blank = c == b' ' || c == b'\t';
        if blank && line.convert && self.end.is_some_and(|e| line.col >= e) {
            line.convert = false;
        }
        if blank && line.convert {
            let next = self.stops.next(line.col);
            if c == b'\t' {
                line.col = next;
                if !line.pending.is_empty() {
                    line.pending[0] = b'\t';
                }
            } else {
                line.col += 1;
                if !(line.prev_blank && line.col == next) {
                    if line.col == next {
                        line.one_before_stop = true;
                    }
                    line.pending.push(c);
                    line.prev_blank = true;
                    return;
                }
                if let Some(first) = line.pending.first_mut() {
                    *first = b'\t';
                }
                c = b'\t';
            }
            // The run up to the stop is replaced by the tab, but a lone
            // space that reached the previous stop stays (as a tab).
            line.pending.truncate(usize::from(line.one_before_stop));
        } else if c == 8 {
            line.col = line.col.saturating_sub(1);
        } else if !blank {
            line.col += 1;
        }
        Self::flush(line, text);
        line.prev_blank = blank;
        line.convert &= self.all || blank;
        text.push(c);
        if c == b'\n' {
            // As Line::new(), keeping the (empty) pending buffer.
            line.col = 0;
            line.convert = true;
            line.prev_blank = true;
            line.one_before_stop = false;
        }
    }
}

impl Line {
    fn new() -> Line {
        Line {
            col: 0,
            convert: true,
            // So that a lone space reaching a stop at column 1 is a tab.
            prev_blank: true,
            pending: Vec::new(),
            one_before_stop: false,
        }
    }
}

fn main(args: &[OsString]) -> i32 {
    // The obsolescent -N sets the stops but, unlike -t, not -a.
    let mut argv = Vec::with_capacity(args.len());
    let mut legacy = Vec::new();
    for (i, a) in args.iter().enumerate() {
        let b = a.as_bytes();
        if b == b"--" {
            argv.extend(args[i..].iter().cloned());
            break;
        }
        if i > 0 && b.len() > 1 && b[0] == b'-' && b[1].is_ascii_digit()
            && b[1..].iter().all(|c| c.is_ascii_digit() || *c == b',')
        {
            legacy.push(b[1..].to_vec());
        } else {
            argv.push(a.clone());
        }
    }
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(&argv) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let mut specs: Vec<&[u8]> = legacy.iter().map(|v| &v[..]).collect();
    specs.extend(m.values("t").into_iter().map(|v| v.as_bytes()));
    let stops = match tabstops::parse(&specs) {
        Ok(s) => s,
        Err(msg) => {
            diag.error(msg);
            return 1;
        }
    };
    let conv = Conv {
        stops: &stops,
        end: list_end(&specs),
        all: (m.has("a") || m.has("t")) && !m.has("f"),
    };
    let mut out = Out::stdout();
    let dash = [OsString::from("-")];
    let ops = if m.operands.is_empty() { &dash[..] } else { &m.operands[..] };
    let mut buf = vec![0u8; 64 * 1024];
    let mut text = Vec::with_capacity(128 * 1024);
    // Lines run on across files, as GNU reads its operands as one stream.
    let mut line = Line::new();
    for op in ops {
        let input = match Input::open(op) {
            Ok(i) => i,
            Err(e) => {
                out.flush_now();
                diag.io_error(op, &e);
                continue;
            }
        };
        loop {
            let n = match read_fd(input.fd(), &mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => {
                    out.flush_now();
                    diag.io_error(op, &e);
                    break;
                }
            };
            text.clear();
            let chunk = &buf[..n];
            let mut i = 0;
            while i < n {
                // A run of bytes that are neither blank nor special goes
                // out at once: each would flush the blanks before it and
                // move one column.
                let mut j = i;
                while j < n && !matches!(chunk[j], b' ' | b'\t' | b'\n' | 8) {
                    j += 1;
                }
                if j > i {
                    Conv::flush(&mut line, &mut text);
                    text.extend_from_slice(&chunk[i..j]);
                    line.col += (j - i) as u64;
                    line.prev_blank = false;
                    line.convert &= conv.all;
                    i = j;
                    continue;
                }
                conv.byte(&mut line, chunk[i], &mut text);
                i += 1;
            }
            out.write_bytes(&text);
        }
    }
    text.clear();
    Conv::flush(&mut line, &mut text);
    out.write_bytes(&text);
    out.close(&diag)
}
