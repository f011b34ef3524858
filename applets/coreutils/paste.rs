//! paste: merge lines of files.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/paste.html
//!
//! Line N of every FILE joined on one line, TAB between (or the `-d` list
//! in turn: `\n \t \\ \0`, `\0` being nothing); with `-s` each file's lines
//! joined into one. Files that end early give empty parts; `-` may be
//! given several times and takes successive lines of standard input. All
//! files are opened first: one that cannot be opened stops paste before it
//! writes anything, as GNU does.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::{read_fd, Out};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::fs::File;
use std::os::unix::io::AsRawFd;

pub const APPLET: Applet = Applet {
    name: "paste",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-sz] [-d LIST] [FILE]...",
    help: "Write lines made of the corresponding lines of each FILE\n\
(standard input for none or -), separated by TABs.\n\
\n\
\t-d LIST\tUse the characters of LIST in turn (\\n \\t \\\\ \\0 escapes)\n\
\t-s\tPaste the lines of one file at a time\n\
\t-z\tLines end with NUL, not newline",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::value('d', "delimiters"),
    Opt::flag('s', "serial"),
    Opt::flag('z', "zero-terminated"),
];

/// A line reader over a descriptor.
struct Lines {
    fd: i32,
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
    /// A read error, which ends this input; reported at the end.
    err: Option<std::io::Error>,
}

impl Lines {
    fn new(fd: i32) -> Lines {
        Lines { fd, buf: Vec::new(), pos: 0, eof: false, err: None }
    }
}

impl Lines {
    /// The next line without its end, or None at the end of input.
    fn next(&mut self, eol: u8, line: &mut Vec<u8>) -> Option<()> {
        line.clear();
        self.append(eol, line)
    }

    /// Appends the next line without its end to `line`; None (and nothing
    /// appended) at the end of input.
    fn append(&mut self, eol: u8, line: &mut Vec<u8>) -> Option<()> {
        let start = line.len();
        loop {
            if let Some(p) = memchr::memchr(eol, &self.buf[self.pos..]) {
                line.extend_from_slice(&self.buf[self.pos..self.pos + p]);
                self.pos += p + 1;
                return Some(());
            }
            line.extend_from_slice(&self.buf[self.pos..]);
            self.pos = 0;
            self.buf.clear();
            if self.eof {
                return if line.len() == start { None } else { Some(()) };
            }
            self.buf.resize(64 * 1024, 0);
            let n = match read_fd(self.fd, &mut self.buf) {
                Ok(n) => n,
                Err(e) => {
                    self.err = Some(e);
                    0
                }
            };
            self.buf.truncate(n);
            if n == 0 {
                self.eof = true;
            }
        }
    }
}

/// The delimiter list with its escapes; None for a trailing backslash.
fn delimiters(s: &[u8]) -> Option<Vec<Option<u8>>> {
    let mut v = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'\\' {
            let c = *s.get(i + 1)?;
            v.push(match c {
                b'n' => Some(b'\n'),
                b't' => Some(b'\t'),
                b'0' => None,
                b'b' => Some(8),
                b'f' => Some(12),
                b'r' => Some(b'\r'),
                b'v' => Some(11),
                other => Some(other),
            });
            i += 2;
        } else {
            v.push(Some(s[i]));
            i += 1;
        }
    }
    Some(v)
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let delims = match m.value("d") {
        None => vec![Some(b'\t')],
        Some(d) => match delimiters(d.as_encoded_bytes()) {
            Some(v) if v.is_empty() => vec![None],
            Some(v) => v,
            None => {
                diag.error(format_args!(
                    "delimiter list ends with an unescaped backslash: {}",
                    String::from_utf8_lossy(d.as_encoded_bytes())
                ));
                return 1;
            }
        },
    };
    let eol = if m.has("z") { 0 } else { b'\n' };
    let dash = [OsString::from("-")];
    let ops = if m.operands.is_empty() { &dash[..] } else { &m.operands[..] };
    let mut files: Vec<Option<File>> = Vec::new();
    for op in ops {
        if op == "-" {
            files.push(None);
            continue;
        }
        match File::open(op) {
            Ok(f) => files.push(Some(f)),
            Err(e) => {
                diag.io_error(op, &e);
                return 1;
            }
        }
    }
    // Every `-` shares one reader of standard input.
    let mut stdin = Lines::new(0);
    let mut readers: Vec<Option<Lines>> = files.iter().map(|f| f.as_ref().map(|f| Lines::new(f.as_raw_fd()))).collect();
    let mut out = Out::stdout();
    let mut line = Vec::new();
    let mut text = Vec::new();
    if m.has("s") {
        for r in readers.iter_mut() {
            let reader = match r {
                Some(l) => l,
                None => &mut stdin,
            };
            text.clear();
            let mut k = 0;
            let mut any = false;
            while reader.next(eol, &mut line).is_some() {
                if any {
                    if let Some(d) = delims[k % delims.len()] {
                        text.push(d);
                    }
                    k += 1;
                }
                any = true;
                text.extend_from_slice(&line);
                if text.len() > 1 << 16 {
                    out.write_bytes(&text);
                    text.clear();
                }
            }
            text.push(eol);
            out.write_bytes(&text);
        }
    } else {
        let n = readers.len();
        let mut done = vec![false; n];
        // Output lines are gathered and written in blocks.
        loop {
            if text.len() > 1 << 16 {
                out.write_bytes(&text);
                text.clear();
            }
            let start = text.len();
            let mut got_any = false;
            for i in 0..n {
                if i > 0 {
                    if let Some(d) = delims[(i - 1) % delims.len()] {
                        text.push(d);
                    }
                }
                if done[i] {
                    continue;
                }
                let reader = match &mut readers[i] {
                    Some(l) => l,
                    None => &mut stdin,
                };
                if reader.append(eol, &mut text).is_some() {
                    got_any = true;
                } else {
                    done[i] = true;
                }
            }
            if !got_any {
                text.truncate(start);
                break;
            }
            text.push(eol);
        }
        out.write_bytes(&text);
    }
    out.flush_now();
    for (op, r) in ops.iter().zip(readers.iter_mut()) {
        if let Some(e) = r.as_mut().and_then(|l| l.err.take()) {
            diag.io_error(op, &e);
        }
    }
    if let Some(e) = stdin.err.take() {
        diag.io_error(std::ffi::OsStr::new("-"), &e);
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}
