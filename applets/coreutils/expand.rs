//! expand: convert tabs to spaces.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/expand.html
//!
//! `-t N` (every N columns, default 8) or a list `2,5,8`, whose last entry
//! may be `/N` (then every multiple of N) or `+N` (then every N after the
//! previous stop); past the list's last stop a tab is one space, as GNU
//! does. A backspace steps back a column. `-i` expands only the tabs
//! before the first non-blank of a line. The obsolescent `-N` and `-N,M`
//! work.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::{read_fd, Input, Out};
use crate::tabstops;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "expand",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-i] [-t N|LIST] [FILE]...",
    help: "Write FILEs (standard input for none or -) with tabs turned into spaces.\n\
\n\
\t-i\tOnly tabs before the first non-blank of a line\n\
\t-t N\tTab stops every N columns (default 8)\n\
\t-t LIST\tTab stops at the columns of LIST (2,5,8; last /N or +N repeats)",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[Opt::flag('i', "initial"), Opt::value('t', "tabs")];

fn main(args: &[OsString]) -> i32 {
    let argv = tabstops::legacy_args(args);
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(&argv) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let specs: Vec<&[u8]> = m.values("t").into_iter().map(|v| v.as_bytes()).collect();
    let stops = match tabstops::parse(&specs) {
        Ok(s) => s,
        Err(msg) => {
            diag.error(msg);
            return 1;
        }
    };
    let initial = m.has("i");
    let mut out = Out::stdout();
    let dash = [OsString::from("-")];
    let ops = if m.operands.is_empty() { &dash[..] } else { &m.operands[..] };
    let mut buf = vec![0u8; 64 * 1024];
    let mut text = Vec::with_capacity(128 * 1024);
    let mut col = 0u64;
    let mut leading = true;
    for op in ops {
        let input = match Input::open(op) {
            Ok(i) => i,
            Err(e) => {
                    out.flush_now();
                    diag.io_error(op, &e);
                    continue;
            }
        };
        let fd = input.fd();
        loop {
            let n = match read_fd(fd, &mut buf) {
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
                // A run of one-column bytes goes out at once.
                let mut j = i;
                while j < n && !matches!(chunk[j], b'\t' | b'\n' | 8) {
                    j += 1;
                }
                if j > i {
                    text.extend_from_slice(&chunk[i..j]);
                    col += (j - i) as u64;
                    if leading {
                        let mut k = i;
                        while k < j && chunk[k] == b' ' {
                            k += 1;
                        }
                        leading = k == j;
                    }
                    i = j;
                    if i == n {
                        break;
                    }
                }
                let c = chunk[i];
                i += 1;
                match c {
                    b'\t' if !initial || leading => {
                        let to = stops.next(col);
                        text.resize(text.len() + (to - col) as usize, b' ');
                        col = to;
                    }
                    b'\n' => {
                        text.push(c);
                        col = 0;
                        leading = true;
                    }
                    8 => {
                        text.push(c);
                        col = col.saturating_sub(1);
                        leading = false;
                    }
                    _ => {
                        text.push(c);
                        if c == b'\t' {
                            col = stops.next(col);
                        } else {
                            col += 1;
                        }
                        if c != b' ' && c != b'\t' {
                            leading = false;
                        }
                    }
                }
            }
            out.write_bytes(&text);
        }
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}
