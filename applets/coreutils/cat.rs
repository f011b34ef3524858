//! cat: concatenate files to standard output.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/cat.html
//!
//! Without options the bytes are copied by the kernel where it can
//! (`copy_file_range` between regular files, `sendfile` from a regular
//! file to anything), else through a 128 KiB buffer. With `-n -b -s -v -E -T`
//! (and `-e -t -A`) lines are found with `memchr`; numbering, squeezing and
//! an unfinished last line carry over from one file to the next, as GNU
//! does. `-u` is accepted (output is unbuffered enough already).

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::{read_fd, write_fd, Out, Input};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::io;

pub const APPLET: Applet = Applet {
    name: "cat",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-AbeEnstTuv] [FILE]...",
    help: "Concatenate FILEs (standard input for none or -) to standard output.\n\
\n\
\t-A\tSame as -vET\n\
\t-b\tNumber non-empty lines\n\
\t-e\tSame as -vE\n\
\t-E\tShow $ at the end of each line\n\
\t-n\tNumber all lines\n\
\t-s\tSqueeze repeated empty lines into one\n\
\t-t\tSame as -vT\n\
\t-T\tShow TABs as ^I\n\
\t-u\t(ignored)\n\
\t-v\tShow non-printing characters with ^ and M- notation",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('A', "show-all"),
    Opt::flag('b', "number-nonblank"),
    Opt::flag('e', ""),
    Opt::flag('E', "show-ends"),
    Opt::flag('n', "number"),
    Opt::flag('s', "squeeze-blank"),
    Opt::flag('t', ""),
    Opt::flag('T', "show-tabs"),
    Opt::flag('u', ""),
    Opt::flag('v', "show-nonprinting"),
];

const BUF: usize = 128 * 1024;

#[derive(Default)]
struct Style {
    number: bool,
    nonblank: bool,
    squeeze: bool,
    ends: bool,
    tabs: bool,
    nonprinting: bool,
}

impl Style {
    fn plain(&self) -> bool {
        !(self.number || self.nonblank || self.squeeze || self.ends || self.tabs || self.nonprinting)
    }
}

/// What carries over between files.
struct State {
    line: u64,
    at_start: bool,
    /// Empty lines seen in a row (for -s).
    blanks: u32,
}

/// Copies `fd` to stdout as it is. Returns the error of the read side
/// (write errors are Out's).
fn copy_plain(fd: i32, out: &mut Out, buf: &mut [u8], try_cfr: &mut bool) -> io::Result<()> {
    if *try_cfr {
        out.flush_now();
        loop {
            // SAFETY: null offsets use and advance the file offsets.
            let n = unsafe { libc::copy_file_range(fd, std::ptr::null_mut(), 1, std::ptr::null_mut(), 1 << 30, 0) };
            if n > 0 {
                continue;
            }
            if n == 0 {
                return Ok(());
            }
            let e = io::Error::last_os_error();
            match e.raw_os_error() {
                Some(libc::EINTR) => continue,
                Some(libc::EXDEV) | Some(libc::EINVAL) | Some(libc::ENOSYS) | Some(libc::EOPNOTSUPP) | Some(libc::EBADF) | Some(libc::EPERM) => {
                    *try_cfr = false;
                    break;
                }
                Some(libc::EISDIR) => return Err(e),
                _ => {
                    // A write-side error: let the plain path report it.
                    *try_cfr = false;
                    break;
                }
            }
        }
    }
    out.flush_now();
    // From a regular file the kernel sends the pages itself, to a pipe,
    // a device or a socket alike.
    // SAFETY: an all-zero stat is valid; fstat on an open descriptor.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(fd, &mut st) } == 0 && st.st_mode & libc::S_IFMT == libc::S_IFREG {
        loop {
            // SAFETY: a null offset uses and advances the file offset.
            let n = unsafe { libc::sendfile(1, fd, std::ptr::null_mut(), 1 << 30) };
            if n > 0 {
                continue;
            }
            if n == 0 {
                return Ok(());
            }
            let e = io::Error::last_os_error();
            match e.raw_os_error() {
                Some(libc::EINTR) | Some(libc::EAGAIN) => continue,
                // Not possible here (an O_APPEND output, say): the plain way.
                _ => break,
            }
        }
    }
    loop {
        let n = read_fd(fd, buf)?;
        if n == 0 {
            return Ok(());
        }
        if write_fd(1, &buf[..n]).is_err() {
            // Out records the error and reports it once, at the end.
            out.write_bytes(&buf[..n]);
            out.flush_now();
            return Ok(());
        }
    }
}

fn show_byte(b: u8, style: &Style, out: &mut Vec<u8>) {
    if b == b'\t' {
        if style.tabs {
            out.extend_from_slice(b"^I");
        } else {
            out.push(b);
        }
        return;
    }
    if !style.nonprinting {
        out.push(b);
        return;
    }
    let mut c = b;
    if c >= 128 {
        out.extend_from_slice(b"M-");
        c -= 128;
    }
    if c < 32 {
        out.push(b'^');
        out.push(c + 64);
    } else if c == 127 {
        out.extend_from_slice(b"^?");
    } else {
        out.push(c);
    }
}

/// Processes one buffer of input with the line options.
fn process(data: &[u8], style: &Style, st: &mut State, out: &mut Vec<u8>) {
    let mut i = 0;
    while i < data.len() {
        let end = memchr::memchr(b'\n', &data[i..]).map(|p| i + p);
        let line_end = end.unwrap_or(data.len());
        let line = &data[i..line_end];
        if st.at_start {
            let empty = end == Some(i);
            if empty {
                st.blanks += 1;
                if style.squeeze && st.blanks > 1 {
                    i = line_end + 1;
                    continue;
                }
            } else {
                st.blanks = 0;
            }
            if style.nonblank {
                if !empty {
                    st.line += 1;
                    out.extend_from_slice(format!("{:>6}\t", st.line).as_bytes());
                }
            } else if style.number {
                st.line += 1;
                out.extend_from_slice(format!("{:>6}\t", st.line).as_bytes());
            }
        }
        if style.nonprinting || style.tabs {
            for &b in line {
                show_byte(b, style, out);
            }
        } else {
            out.extend_from_slice(line);
        }
        match end {
            Some(_) => {
                if style.ends {
                    out.push(b'$');
                }
                out.push(b'\n');
                st.at_start = true;
                i = line_end + 1;
            }
            None => {
                st.at_start = false;
                i = line_end;
            }
        }
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut style = Style::default();
    for (i, _) in &m.found {
        match OPTS[*i].short {
            b'A' => {
                style.nonprinting = true;
                style.ends = true;
                style.tabs = true;
            }
            b'b' => style.nonblank = true,
            b'e' => {
                style.nonprinting = true;
                style.ends = true;
            }
            b'E' => style.ends = true,
            b'n' => style.number = true,
            b's' => style.squeeze = true,
            b't' => {
                style.nonprinting = true;
                style.tabs = true;
            }
            b'T' => style.tabs = true,
            b'v' => style.nonprinting = true,
            _ => {}
        }
    }
    let mut diag = Diag::new(args);
    let mut out = Out::stdout();
    // SAFETY: an all-zero stat is valid; fstat on fd 1.
    let mut ost: libc::stat = unsafe { std::mem::zeroed() };
    let out_regular = unsafe { libc::fstat(1, &mut ost) } == 0 && ost.st_mode & libc::S_IFMT == libc::S_IFREG;
    let mut try_cfr = out_regular;
    let mut buf = vec![0u8; BUF];
    let mut processed = Vec::with_capacity(BUF * 2);
    let mut st = State {
        line: 0,
        at_start: true,
        blanks: 0,
    };
    let dash = [OsString::from("-")];
    let ops = if m.operands.is_empty() { &dash[..] } else { &m.operands[..] };
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
        // SAFETY: an all-zero stat is valid; fstat on an open descriptor.
        let mut ist: libc::stat = unsafe { std::mem::zeroed() };
        if out_regular && unsafe { libc::fstat(fd, &mut ist) } == 0 && ist.st_dev == ost.st_dev && ist.st_ino == ost.st_ino {
            // SAFETY: lseek on open descriptors.
            let (ipos, opos) = unsafe { (libc::lseek(fd, 0, libc::SEEK_CUR), libc::lseek(1, 0, libc::SEEK_CUR)) };
            if ist.st_size > 0 && ipos < ist.st_size && (opos >= ipos || opos < 0) {
                out.flush_now();
                diag.file_error(op, "input file is output file");
                continue;
            }
        }
        let r = if style.plain() {
            copy_plain(fd, &mut out, &mut buf, &mut try_cfr)
        } else {
            loop {
                match read_fd(fd, &mut buf) {
                    Ok(0) => break Ok(()),
                    Ok(n) => {
                        processed.clear();
                        process(&buf[..n], &style, &mut st, &mut processed);
                        out.write_bytes(&processed);
                        if !out.ok() {
                            break Ok(());
                        }
                    }
                    Err(e) => break Err(e),
                }
            }
        };
        if let Err(e) = r {
            out.flush_now();
            diag.io_error(op, &e);
        }
        if !out.ok() {
            break;
        }
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &[&[u8]], style: Style) -> Vec<u8> {
        let mut st = State { line: 0, at_start: true, blanks: 0 };
        let mut out = Vec::new();
        for chunk in input {
            process(chunk, &style, &mut st, &mut out);
        }
        out
    }

    #[test]
    fn numbering_across_buffers() {
        let s = Style { number: true, ..Style::default() };
        assert_eq!(run(&[b"a\nb", b"c\n\n"], s), b"     1\ta\n     2\tbc\n     3\t\n");
        let s = Style { squeeze: true, nonblank: true, ..Style::default() };
        assert_eq!(run(&[b"a\n\n", b"\n\nb\n"], s), b"     1\ta\n\n     2\tb\n");
    }

    #[test]
    fn notation() {
        let s = Style { nonprinting: true, tabs: true, ends: true, ..Style::default() };
        assert_eq!(run(&[b"\t\x01\x7f\x80\xff\n"], s), b"^I^A^?M-^@M-^?$\n");
    }
}
