//! fold: wrap lines at a width.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/fold.html
//!
//! Columns as GNU counts them: a TAB goes to the next multiple of 8, a
//! backspace goes back one, a carriage return to the start; with `-b`
//! every byte is one column. `-s` breaks after the last blank that fits;
//! a character wider than the whole width still gets a line of its own.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::{read_fd, Input, Out};
use crate::quote;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "fold",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-bs] [-w WIDTH] [FILE]...",
    help: "Wrap the lines of FILEs (standard input for none or -) at WIDTH\n\
columns (default 80).\n\
\n\
\t-b\tCount bytes, not columns\n\
\t-s\tBreak after blanks\n\
\t-w WIDTH\tThe width",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('b', "bytes"),
    Opt::flag('s', "spaces"),
    Opt::value('w', "width"),
];

struct Fold {
    width: u64,
    bytes: bool,
    spaces: bool,
    col: u64,
    line: Vec<u8>,
}

impl Fold {
    fn adjust(&self, col: u64, c: u8) -> u64 {
        if self.bytes {
            return col + 1;
        }
        match c {
            8 => col.saturating_sub(1),
            b'\r' => 0,
            b'\t' => col + 8 - col % 8,
            _ => col + 1,
        }
    }

    fn feed(&mut self, c: u8, out: &mut Vec<u8>) {
        if c == b'\n' {
            out.extend_from_slice(&self.line);
            out.push(b'\n');
            self.line.clear();
            self.col = 0;
            return;
        }
        loop {
            let col = self.adjust(self.col, c);
            if col <= self.width {
                self.col = col;
                self.line.push(c);
                return;
            }
            if self.spaces {
                if let Some(i) = self.line.iter().rposition(|&b| b == b' ' || b == b'\t') {
                    out.extend_from_slice(&self.line[..=i]);
                    out.push(b'\n');
                    self.line.drain(..=i);
                    self.col = 0;
                    for k in 0..self.line.len() {
                        self.col = self.adjust(self.col, self.line[k]);
                    }
                    continue;
                }
            }
            if self.line.is_empty() {
                // Wider than the whole width: it stands alone.
                self.col = col;
                self.line.push(c);
                return;
            }
            out.extend_from_slice(&self.line);
            out.push(b'\n');
            self.line.clear();
            self.col = 0;
        }
    }
}

fn main(args: &[OsString]) -> i32 {
    // The obsolescent `fold -80` form.
    let mut argv = args.to_vec();
    if let Some(first) = argv.get(1) {
        let b = first.as_bytes();
        if b.len() > 1 && b[0] == b'-' && b[1..].iter().all(u8::is_ascii_digit) {
            let w = OsString::from(format!("-w{}", String::from_utf8_lossy(&b[1..])));
            argv[1] = w;
        }
    }
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(&argv) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let width = match m.value("w") {
        None => 80,
        Some(w) => match std::str::from_utf8(w.as_bytes()).ok().and_then(|s| s.parse::<u64>().ok()) {
            Some(0) => {
                diag.error(format_args!(
                    "invalid number of columns: {}: {}",
                    quote::msg(w.as_bytes()),
                    diag::errno_text(libc::ERANGE)
                ));
                return 1;
            }
            Some(n) => n,
            None => {
                diag.error(format_args!("invalid number of columns: {}", quote::msg(w.as_bytes())));
                return 1;
            }
        },
    };
    let mut f = Fold { width, bytes: m.has("b"), spaces: m.has("s"), col: 0, line: Vec::new() };
    let mut out = Out::stdout();
    let dash = [OsString::from("-")];
    let ops = if m.operands.is_empty() { &dash[..] } else { &m.operands[..] };
    let mut buf = vec![0u8; 64 * 1024];
    let mut text = Vec::with_capacity(80 * 1024);
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
                // A run of bytes one column wide that still fits on the
                // line goes in at once; anything else byte by byte.
                let room = usize::try_from(f.width.saturating_sub(f.col)).unwrap_or(usize::MAX);
                let lim = i + room.min(n - i);
                let mut j = i;
                if f.bytes {
                    while j < lim && chunk[j] != b'\n' {
                        j += 1;
                    }
                } else {
                    while j < lim && !matches!(chunk[j], b'\n' | b'\t' | b'\r' | 8) {
                        j += 1;
                    }
                }
                if j > i {
                    f.line.extend_from_slice(&chunk[i..j]);
                    f.col += (j - i) as u64;
                    i = j;
                    continue;
                }
                f.feed(chunk[i], &mut text);
                i += 1;
            }
            out.write_bytes(&text);
        }
    }
    // A last line without a newline is printed as it is.
    let rest = std::mem::take(&mut f.line);
    out.write_bytes(&rest);
    let status = diag.status();
    out.finish(diag.name(), status)
}
