//! uudecode: decode what uuencode wrote.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/uudecode.html
//!
//! Each input (standard input for none or `-`) is scanned for a
//! `begin MODE NAME` or `begin-base64 MODE NAME` line (MODE octal), or
//! sharutils' `begin-encoded` and `begin-base64-encoded`, whose NAME is
//! base64 (`uuencode -e`); lines
//! before it are ignored, and so is everything after the block. The body
//! is written to NAME, or to `-o OUTFILE`; `-` and `/dev/stdout` mean
//! standard output. The file gets MODE's permission bits (setuid and the
//! like dropped), even if it already existed, as sharutils and BusyBox do;
//! a device or FIFO (`-o /dev/null`) keeps its own.
//!
//! The historical body is length-prefixed lines of 6-bit characters
//! (space or `` ` `` for zero; characters a mailer stripped from the end
//! of a line count as zero) up to an empty line and `end`; the base64
//! body (`crate::baseenc`) runs up to a `====` line. A carriage return
//! before a newline is ignored. Errors name the input (`stdin` for
//! standard input): `No `begin' line`, `Short file`, `No `end' line`,
//! `invalid input`; the status is then 1.

use crate::args::{Opt, Parser};
use crate::baseenc::{Decoder, BASE64};
use crate::diag::Diag;
use crate::io::{read_fd, write_fd, Input};
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::fs::{File, OpenOptions, Permissions};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::os::unix::io::AsRawFd;

pub const APPLET: Applet = Applet {
    name: "uudecode",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-o OUTFILE] [FILE]...",
    help: "Decode uuencoded (or begin-base64) FILEs (standard input for none or -)\n\
into the file named in each one's begin line.\n\
\n\
\t-o OUTFILE\tWrite to OUTFILE instead (- for standard output)",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[Opt::value('o', "output-file")];

/// Lines of an input read in big blocks; a line is handed out without its
/// newline (and a carriage return before it).
struct Lines {
    fd: i32,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
}

impl Lines {
    fn new(fd: i32) -> Lines {
        Lines {
            fd,
            buf: vec![0; 64 * 1024],
            start: 0,
            end: 0,
            eof: false,
        }
    }

    /// The next line into `line`; false at the end of the input.
    fn next(&mut self, line: &mut Vec<u8>) -> io::Result<bool> {
        line.clear();
        loop {
            let avail = &self.buf[self.start..self.end];
            if let Some(i) = memchr::memchr(b'\n', avail) {
                line.extend_from_slice(&avail[..i]);
                self.start += i + 1;
                break;
            }
            line.extend_from_slice(avail);
            self.start = 0;
            self.end = 0;
            if self.eof {
                if line.is_empty() {
                    return Ok(false);
                }
                break;
            }
            let n = read_fd(self.fd, &mut self.buf)?;
            if n == 0 {
                self.eof = true;
            }
            self.end = n;
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Ok(true)
    }
}

/// A `begin` line: (base64, mode, name, whether the name is base64 as
/// sharutils' `uuencode -e` writes it).
fn parse_begin(line: &[u8]) -> Option<(bool, u32, &[u8], bool)> {
    let (base64, encoded, rest) = if let Some(r) = line.strip_prefix(b"begin-base64 ") {
        (true, false, r)
    } else if let Some(r) = line.strip_prefix(b"begin-base64-encoded ") {
        (true, true, r)
    } else if let Some(r) = line.strip_prefix(b"begin-encoded ") {
        (false, true, r)
    } else {
        (false, false, line.strip_prefix(b"begin ")?)
    };
    let sp = rest.iter().position(|&b| b == b' ')?;
    let (mode, name) = (&rest[..sp], &rest[sp + 1..]);
    if mode.is_empty() || mode.len() > 11 || !mode.iter().all(|b| (b'0'..=b'7').contains(b)) {
        return None;
    }
    if name.is_empty() {
        return None;
    }
    let mode = mode
        .iter()
        .fold(0u64, |m, &d| m * 8 + u64::from(d - b'0'));
    Some((base64, (mode & 0o777) as u32, name, encoded))
}

/// A `begin-encoded` line's name.
fn decode_name(name: &[u8]) -> Result<Vec<u8>, Fail> {
    let mut d = Decoder::new(BASE64, false);
    let mut v = Vec::new();
    let ok = d.feed(name, &mut v).is_ok() && d.finish().is_ok();
    if !ok || v.is_empty() {
        return Err(Fail::Input(format!(
            "invalid base64 encoded name: {}",
            String::from_utf8_lossy(name)
        )));
    }
    Ok(v)
}

/// Where the decoded bytes go.
enum Sink {
    Stdout,
    File(File),
}

impl Sink {
    fn write(&self, data: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout => write_fd(1, data),
            Sink::File(f) => write_fd(f.as_raw_fd(), data),
        }
    }
}

/// A failure: the error and what it is about (the input or the output).
enum Fail {
    Input(String),
    InputIo(io::Error),
    Output(OsString, io::Error),
}

fn open_sink(name: &OsStr, mode: u32) -> Result<Sink, Fail> {
    if name == "-" || name == "/dev/stdout" {
        return Ok(Sink::Stdout);
    }
    let f = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(mode)
        .open(name)
        .map_err(|e| Fail::Output(name.to_owned(), e))?;
    // Only a regular file takes the mode: `-o /dev/null` must not
    // change the device.
    let regular = f.metadata().map(|m| m.is_file()).unwrap_or(false);
    if regular {
        f.set_permissions(Permissions::from_mode(mode))
            .map_err(|e| Fail::Output(name.to_owned(), e))?;
    }
    Ok(Sink::File(f))
}

/// The 6-bit value of a historical character.
#[inline]
fn dec(c: u8) -> u8 {
    c.wrapping_sub(b' ') & 0x3f
}

fn decode(input: &Input, outfile: Option<&OsStr>) -> Result<(), Fail> {
    let mut lines = Lines::new(input.fd());
    let mut line = Vec::with_capacity(256);
    let (base64, mode, name) = loop {
        if !lines.next(&mut line).map_err(Fail::InputIo)? {
            return Err(Fail::Input("No `begin' line".into()));
        }
        if let Some((b, m, n, encoded)) = parse_begin(&line) {
            let n = if encoded { decode_name(n)? } else { n.to_vec() };
            break (b, m, OsStr::from_bytes(&n).to_owned());
        }
    };
    let target = outfile.unwrap_or(&name);
    let sink = open_sink(target, mode)?;
    let out_err = |e| Fail::Output(target.to_owned(), e);
    let mut data = Vec::with_capacity(64 * 1024);
    let short = || Fail::Input("Short file".into());
    if base64 {
        let mut d = Decoder::new(BASE64, false);
        loop {
            if !lines.next(&mut line).map_err(Fail::InputIo)? {
                sink.write(&data).map_err(out_err)?;
                return Err(short());
            }
            if line == b"====" {
                break;
            }
            let bad = d.feed(&line, &mut data).is_err();
            if bad {
                sink.write(&data).map_err(out_err)?;
                return Err(Fail::Input("invalid input".into()));
            }
            if data.len() >= 60 * 1024 {
                sink.write(&data).map_err(out_err)?;
                data.clear();
            }
        }
        sink.write(&data).map_err(out_err)?;
        if d.finish().is_err() {
            return Err(Fail::Input("invalid input".into()));
        }
        return Ok(());
    }
    loop {
        if !lines.next(&mut line).map_err(Fail::InputIo)? {
            sink.write(&data).map_err(out_err)?;
            return Err(short());
        }
        let n = match line.first() {
            None => 0,
            Some(&c) => dec(c) as usize,
        };
        if n == 0 {
            break;
        }
        // Characters past the end of the line (stripped trailing spaces)
        // are zero.
        let need = 1 + n.div_ceil(3) * 4;
        if line.len() < need {
            line.resize(need, b' ');
        }
        // At most 63 bytes a line: 21 groups.
        let mut bytes = [0u8; 63];
        for (q, o) in line[1..need].chunks_exact(4).zip(bytes.chunks_exact_mut(3)) {
            let (a, b, c, e) = (dec(q[0]), dec(q[1]), dec(q[2]), dec(q[3]));
            o[0] = (a << 2) | (b >> 4);
            o[1] = (b << 4) | (c >> 2);
            o[2] = (c << 6) | e;
        }
        data.extend_from_slice(&bytes[..n]);
        if data.len() >= 60 * 1024 {
            sink.write(&data).map_err(out_err)?;
            data.clear();
        }
    }
    sink.write(&data).map_err(out_err)?;
    if !lines.next(&mut line).map_err(Fail::InputIo)? || line.trim_ascii_end() != b"end" {
        return Err(Fail::Input("No `end' line".into()));
    }
    Ok(())
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let outfile = m.value("o");
    if outfile.is_some() && m.operands.len() > 1 {
        return parser.usage_error(args, "-o cannot be used with more than one input file");
    }
    let mut diag = Diag::new(args);
    let dash = [OsString::from("-")];
    let ops = if m.operands.is_empty() {
        &dash[..]
    } else {
        &m.operands[..]
    };
    for op in ops {
        let shown = if op == "-" { OsStr::new("stdin") } else { op };
        let input = match Input::open(op) {
            Ok(i) => i,
            Err(e) => {
                diag.io_error(op, &e);
                continue;
            }
        };
        match decode(&input, outfile) {
            Ok(()) => {}
            Err(Fail::Input(why)) => diag.error_at(shown, why),
            Err(Fail::InputIo(e)) => diag.io_error(shown, &e),
            Err(Fail::Output(name, e)) => diag.io_error(&name, &e),
        }
    }
    diag.status()
}
