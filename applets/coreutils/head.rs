//! head: output the first part of files.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/head.html
//!
//! `-n N` lines (10 by default) or `-c N` bytes, with GNU's suffixes
//! (`b` 512, `K` 1024, `kB` 1000, ...); a leading `-` (`-n -3`) means all
//! but the last N. The obsolescent `head -5` and `head -5c` work as in GNU.
//! Headers (`==> name <==`) come with several files or `-v`, not with
//! `-q`. Lines are found with `memchr` and reading stops as soon as the
//! count is reached.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::{read_fd, Input, Out};
use crate::quote;
use crate::size::{self, SizeError};
use crate::{Applet, Dir};
use std::collections::VecDeque;
use std::ffi::OsString;
use std::io;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "head",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-qvz] [-n [-]N | -c [-]N] [FILE]...",
    help: "Print the first 10 lines of each FILE (standard input for none or -).\n\
\n\
\t-n [-]N\tThe first N lines (all but the last N with -)\n\
\t-c [-]N\tThe first N bytes (all but the last N with -)\n\
\t-q\tNo headers\n\
\t-v\tAlways headers\n\
\t-z\tLines end with NUL, not newline\n\
N may end in b (512), K (1024), kB (1000), M, MB, G, ...",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::value('n', "lines"),
    Opt::value('c', "bytes"),
    Opt::flag('q', "quiet"),
    Opt::flag('\0', "silent"),
    Opt::flag('v', "verbose"),
    Opt::flag('z', "zero-terminated"),
];

#[derive(Clone, Copy)]
enum Count {
    Lines(u64, bool),
    Bytes(u64, bool),
}

fn parse_count(s: &[u8], lines: bool) -> Result<Count, String> {
    let text = String::from_utf8_lossy(s);
    let (all_but, num) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text.strip_prefix('+').unwrap_or(&text)),
    };
    let what = if lines { "lines" } else { "bytes" };
    match size::parse_size(num, size::GNU) {
        Ok(v) => Ok(if lines { Count::Lines(v, all_but) } else { Count::Bytes(v, all_but) }),
        Err(SizeError::TooLarge) => Err(format!(
            "invalid number of {what}: {}: {}",
            quote::msg(s),
            diag::errno_text(libc::EOVERFLOW)
        )),
        Err(_) => Err(format!("invalid number of {what}: {}", quote::msg(s))),
    }
}

/// Turns GNU's obsolescent `-5`, `-5c`, `-5l` first argument into options.
fn legacy(args: &[OsString]) -> Vec<OsString> {
    let mut v = args.to_vec();
    if let Some(first) = args.get(1) {
        let b = first.as_bytes();
        if b.len() > 1 && b[0] == b'-' && b[1].is_ascii_digit() {
            let digits = b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            let (num, rest) = b[1..].split_at(digits);
            let (opt, suffix): (&str, &[u8]) = match rest {
                [] => ("-n", b""),
                [b'c'] => ("-c", b""),
                [b'l'] => ("-n", b""),
                [u @ (b'b' | b'k' | b'm')] => ("-c", std::slice::from_ref(u)),
                [u @ (b'b' | b'k' | b'm'), b'c'] => ("-c", std::slice::from_ref(u)),
                _ => return v,
            };
            let mut value = num.to_vec();
            value.extend_from_slice(match suffix {
                b"k" => b"K",
                b"m" => b"M",
                s => s,
            });
            v.splice(1..2, [OsString::from(opt), std::os::unix::ffi::OsStringExt::from_vec(value)]);
        }
    }
    v
}

fn head_lines(fd: i32, n: u64, eol: u8, out: &mut Out, buf: &mut [u8]) -> io::Result<()> {
    let mut left = n;
    while left > 0 {
        let got = read_fd(fd, buf)?;
        if got == 0 {
            break;
        }
        let data = &buf[..got];
        let mut end = got;
        for p in memchr::memchr_iter(eol, data) {
            left -= 1;
            if left == 0 {
                end = p + 1;
                break;
            }
        }
        out.write_bytes(&data[..end]);
        if !out.ok() {
            break;
        }
        if left == 0 && end < got {
            // Give back what was read past the end, for a shared input.
            // SAFETY: lseek on an open descriptor; failure is harmless.
            unsafe { libc::lseek(fd, end as i64 - got as i64, libc::SEEK_CUR) };
        }
    }
    Ok(())
}

fn head_bytes(fd: i32, n: u64, out: &mut Out, buf: &mut [u8]) -> io::Result<()> {
    let mut left = n;
    while left > 0 {
        let want = (left.min(buf.len() as u64)) as usize;
        let got = read_fd(fd, &mut buf[..want])?;
        if got == 0 {
            break;
        }
        out.write_bytes(&buf[..got]);
        left -= got as u64;
        if !out.ok() {
            break;
        }
    }
    Ok(())
}

/// All but the last `n` bytes: keep a window of `n` bytes back.
fn all_but_bytes(fd: i32, n: u64, out: &mut Out, buf: &mut [u8]) -> io::Result<()> {
    let mut window: VecDeque<u8> = VecDeque::new();
    loop {
        let got = read_fd(fd, buf)?;
        if got == 0 {
            return Ok(());
        }
        window.extend(&buf[..got]);
        if window.len() as u64 > n {
            let excess = window.len() - n as usize;
            let (a, b) = window.as_slices();
            let from_a = excess.min(a.len());
            out.write_bytes(&a[..from_a]);
            out.write_bytes(&b[..excess - from_a]);
            window.drain(..excess);
        }
    }
}

/// All but the last `n` lines: keep the last `n` lines back.
fn all_but_lines(fd: i32, n: u64, eol: u8, out: &mut Out, buf: &mut [u8]) -> io::Result<()> {
    let mut held: VecDeque<Vec<u8>> = VecDeque::new();
    let mut partial: Vec<u8> = Vec::new();
    loop {
        let got = read_fd(fd, buf)?;
        if got == 0 {
            break;
        }
        let mut start = 0;
        for p in memchr::memchr_iter(eol, &buf[..got]) {
            let mut line = std::mem::take(&mut partial);
            line.extend_from_slice(&buf[start..=p]);
            start = p + 1;
            held.push_back(line);
            if held.len() as u64 > n {
                if let Some(l) = held.pop_front() {
                    out.write_bytes(&l);
                }
            }
        }
        partial.extend_from_slice(&buf[start..got]);
    }
    // An unterminated last line is a line too.
    if !partial.is_empty() {
        held.push_back(partial);
        if held.len() as u64 > n {
            if let Some(l) = held.pop_front() {
                out.write_bytes(&l);
            }
        }
    }
    Ok(())
}

fn main(args: &[OsString]) -> i32 {
    let args_v = legacy(args);
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(&args_v) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let mut count = Count::Lines(10, false);
    for (i, v) in &m.found {
        let short = OPTS[*i].short;
        if short == b'n' || short == b'c' {
            let v = v.as_ref().map(|s| s.as_bytes()).unwrap_or_default();
            match parse_count(v, short == b'n') {
                Ok(c) => count = c,
                Err(msg) => {
                    diag.error(msg);
                    return 1;
                }
            }
        }
    }
    let eol = if m.has("z") { 0 } else { b'\n' };
    let dash = [OsString::from("-")];
    let ops = if m.operands.is_empty() { &dash[..] } else { &m.operands[..] };
    let headers = match m.last_of(&["q", "silent", "v"]) {
        Some("v") => true,
        Some(_) => false,
        None => ops.len() > 1,
    };
    let mut out = Out::stdout();
    let mut buf = vec![0u8; 128 * 1024];
    let mut first = true;
    for op in ops {
        let input = match Input::open(op) {
            Ok(i) => i,
            Err(e) => {
                    out.flush_now();
                    diag.error(format_args!("cannot open {} for reading: {}", quote::msg_os(op), diag::strerror(&e)));
                    continue;
            }
        };
        let fd = input.fd();
        if headers {
            let name: &[u8] = if op == "-" { b"standard input" } else { op.as_bytes() };
            if !first {
                out.write_bytes(b"\n");
            }
            out.write_bytes(b"==> ");
            out.write_bytes(name);
            out.write_bytes(b" <==\n");
        }
        first = false;
        let r = match count {
            Count::Lines(n, false) => head_lines(fd, n, eol, &mut out, &mut buf),
            Count::Bytes(n, false) => head_bytes(fd, n, &mut out, &mut buf),
            Count::Lines(n, true) => all_but_lines(fd, n, eol, &mut out, &mut buf),
            Count::Bytes(n, true) => all_but_bytes(fd, n, &mut out, &mut buf),
        };
        if let Err(e) = r {
            out.flush_now();
            let name = if op == "-" { "standard input".to_string() } else { quote::msg_os(op) };
            diag.error(format_args!("error reading {name}: {}", diag::strerror(&e)));
        }
        if !out.ok() {
            break;
        }
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}
