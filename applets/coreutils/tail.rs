//! tail: output the last part of files.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/tail.html
//!
//! `-n N` lines (10 by default) or `-c N` bytes from the end, or `+N` from
//! the start, with GNU's suffixes. On a regular file the end is found by
//! reading backwards from the end, block by block, so `tail -n 50000` of a
//! large file reads only what it prints; pipes keep a window of the last
//! lines. `-f` follows the open files (`-F`, `--follow=name`, `--retry`
//! follow names across rotation and truncation, with GNU's messages),
//! polling every `-s` seconds, until `--pid` ends. The obsolescent `tail
//! -5`, `tail +5`, `tail -5f` forms work.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::{read_fd, Out};
use crate::quote;
use crate::size::{self, SizeError};
use crate::{Applet, Dir};
use std::collections::VecDeque;
use std::ffi::OsString;
use std::fs::File;
use std::io;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::MetadataExt;
use std::os::unix::io::AsRawFd;
use std::time::Duration;

pub const APPLET: Applet = Applet {
    name: "tail",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-fFqvz] [-n [+]N | -c [+]N] [-s SECS] [--pid PID] [FILE]...",
    help: "Print the last 10 lines of each FILE (standard input for none or -).\n\
\n\
\t-n [+]N\tThe last N lines (from line N with +)\n\
\t-c [+]N\tThe last N bytes (from byte N with +)\n\
\t-f\tKeep printing what is appended (--follow[=descriptor|name])\n\
\t-F\tFollow by name and retry (--follow=name --retry)\n\
\t--retry\tKeep trying to open files that are not there\n\
\t-s SECS\tSeconds between checks with -f (default 1)\n\
\t--pid PID\tWith -f, stop after process PID ends\n\
\t-q\tNo headers\n\
\t-v\tAlways headers\n\
\t-z\tLines end with NUL, not newline",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::value('n', "lines"),
    Opt::value('c', "bytes"),
    Opt::flag('f', ""),
    Opt::optional('\0', "follow"),
    Opt::flag('F', ""),
    Opt::flag('\0', "retry"),
    Opt::value('s', "sleep-interval"),
    Opt::value('\0', "pid"),
    Opt::flag('q', "quiet"),
    Opt::flag('\0', "silent"),
    Opt::flag('v', "verbose"),
    Opt::flag('z', "zero-terminated"),
    Opt::value('\0', "max-unchanged-stats"),
];

#[derive(Clone, Copy)]
struct Count {
    n: u64,
    lines: bool,
    /// `+N`: from the start.
    from_start: bool,
}

fn parse_count(s: &[u8], lines: bool) -> Result<Count, String> {
    let text = String::from_utf8_lossy(s);
    let (from_start, num) = match text.strip_prefix('+') {
        Some(r) => (true, r),
        None => (false, text.strip_prefix('-').unwrap_or(&text)),
    };
    let what = if lines { "lines" } else { "bytes" };
    match size::parse_size(num, size::GNU) {
        Ok(n) => Ok(Count { n, lines, from_start }),
        Err(SizeError::TooLarge) => Ok(Count { n: u64::MAX, lines, from_start }),
        Err(SizeError::Invalid) => Err(format!("invalid number of {what}: {}", quote::msg(s))),
    }
}

/// The obsolescent `-N[bcl][f]` / `+N[bcl][f]` first argument.
fn legacy(args: &[OsString]) -> Vec<OsString> {
    let mut v = args.to_vec();
    let Some(first) = args.get(1) else {
        return v;
    };
    let b = first.as_bytes();
    if b.len() < 2 || !(b[0] == b'-' || b[0] == b'+') {
        return v;
    }
    let digits = b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
    let rest = &b[1 + digits..];
    let (unit, follow) = match rest {
        [] => (b'l', false),
        [b'f'] => (b'l', true),
        [u @ (b'b' | b'c' | b'l')] => (*u, false),
        [u @ (b'b' | b'c' | b'l'), b'f'] => (*u, true),
        _ => return v,
    };
    // `-f`, `-c` alone are real options, not counts.
    if digits == 0 && b[0] == b'-' {
        return v;
    }
    let num = if digits == 0 { b"10".to_vec() } else { b[1..1 + digits].to_vec() };
    let mut value = vec![b[0]];
    value.extend_from_slice(&num);
    if unit == b'b' {
        value.push(b'b');
    }
    let mut new = vec![OsString::from(if unit == b'l' { "-n" } else { "-c" }), OsString::from_vec(value)];
    if follow {
        new.push(OsString::from("-f"));
    }
    v.splice(1..2, new);
    v
}

/// Prints from `+N` (1-based line or byte) to the end.
fn from_start(fd: i32, c: Count, eol: u8, out: &mut Out, buf: &mut [u8]) -> io::Result<()> {
    let mut skip = c.n.saturating_sub(1);
    loop {
        let got = read_fd(fd, buf)?;
        if got == 0 {
            return Ok(());
        }
        let mut data = &buf[..got];
        if skip > 0 {
            if c.lines {
                let mut cut = data.len();
                for p in memchr::memchr_iter(eol, data) {
                    skip -= 1;
                    if skip == 0 {
                        cut = p + 1;
                        break;
                    }
                }
                if skip > 0 {
                    continue;
                }
                data = &data[cut..];
            } else {
                let n = (skip.min(data.len() as u64)) as usize;
                skip -= n as u64;
                data = &data[n..];
            }
        }
        out.write_bytes(data);
        if !out.ok() {
            return Ok(());
        }
    }
}

/// Copies from the current offset to the end.
fn copy_rest(fd: i32, out: &mut Out, buf: &mut [u8]) -> io::Result<()> {
    loop {
        let got = read_fd(fd, buf)?;
        if got == 0 {
            return Ok(());
        }
        out.write_bytes(&buf[..got]);
        if !out.ok() {
            return Ok(());
        }
    }
}

/// The offset where the last `n` lines of a seekable file of `size` start.
fn start_of_last_lines(fd: i32, size: u64, n: u64, eol: u8, buf: &mut [u8]) -> io::Result<u64> {
    if n == 0 {
        return Ok(size);
    }
    let mut pos = size;
    let mut left = n;
    let mut first_block = true;
    while pos > 0 {
        let len = (pos.min(buf.len() as u64)) as usize;
        pos -= len as u64;
        let mut got = 0;
        while got < len {
            // SAFETY: pread into a live buffer.
            let r = unsafe { libc::pread(fd, buf[got..len].as_mut_ptr().cast(), len - got, (pos + got as u64) as i64) };
            if r < 0 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(e);
            }
            if r == 0 {
                break;
            }
            got += r as usize;
        }
        let mut data = &buf[..got];
        // A final line without its newline counts as a line.
        if first_block {
            first_block = false;
            if data.last() == Some(&eol) {
                data = &data[..data.len() - 1];
            }
        }
        for p in memchr::memrchr_iter(eol, data) {
            left -= 1;
            if left == 0 {
                return Ok(pos + p as u64 + 1);
            }
        }
    }
    Ok(0)
}

/// The last `n` lines of a stream.
fn last_lines_stream(fd: i32, n: u64, eol: u8, out: &mut Out, buf: &mut [u8]) -> io::Result<()> {
    if n == 0 {
        while read_fd(fd, buf)? > 0 {}
        return Ok(());
    }
    // Whole chunks of input, and how many line ends each holds; chunks are
    // dropped from the front while the rest still holds n lines.
    let mut chunks: VecDeque<(Vec<u8>, u64)> = VecDeque::new();
    let mut total: u64 = 0;
    loop {
        let got = read_fd(fd, buf)?;
        if got == 0 {
            break;
        }
        let count = memchr::memchr_iter(eol, &buf[..got]).count() as u64;
        chunks.push_back((buf[..got].to_vec(), count));
        total += count;
        while let Some((_, c)) = chunks.front() {
            if total - c > n {
                total -= c;
                chunks.pop_front();
            } else {
                break;
            }
        }
    }
    let mut all: Vec<u8> = Vec::new();
    for (c, _) in chunks {
        all.extend_from_slice(&c);
    }
    let mut body = &all[..];
    if body.last() == Some(&eol) {
        body = &body[..body.len() - 1];
    }
    let mut left = n;
    let mut start = 0;
    for p in memchr::memrchr_iter(eol, body) {
        left -= 1;
        if left == 0 {
            start = p + 1;
            break;
        }
    }
    out.write_bytes(&all[start..]);
    Ok(())
}

fn last_bytes_stream(fd: i32, n: u64, out: &mut Out, buf: &mut [u8]) -> io::Result<()> {
    let mut window: VecDeque<u8> = VecDeque::new();
    loop {
        let got = read_fd(fd, buf)?;
        if got == 0 {
            break;
        }
        window.extend(&buf[..got]);
        if window.len() as u64 > n {
            let excess = window.len() - n as usize;
            window.drain(..excess);
        }
    }
    let (a, b) = window.as_slices();
    out.write_bytes(a);
    out.write_bytes(b);
    Ok(())
}

fn tail_fd(fd: i32, c: Count, eol: u8, out: &mut Out, buf: &mut [u8]) -> io::Result<()> {
    if c.from_start {
        return from_start(fd, c, eol, out, buf);
    }
    // SAFETY: an all-zero stat is valid; fstat on an open descriptor.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let regular = unsafe { libc::fstat(fd, &mut st) } == 0 && st.st_mode & libc::S_IFMT == libc::S_IFREG;
    // SAFETY: lseek on an open descriptor.
    let pos = unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) };
    if regular && pos >= 0 && st.st_size >= pos {
        let size = st.st_size as u64;
        let start = if c.lines {
            // Only the part after the current offset is this input.
            let s = start_of_last_lines(fd, size, c.n, eol, buf)?;
            s.max(pos as u64)
        } else {
            size.saturating_sub(c.n).max(pos as u64)
        };
        // SAFETY: lseek on an open descriptor.
        unsafe { libc::lseek(fd, start as i64, libc::SEEK_SET) };
        return copy_rest(fd, out, buf);
    }
    if c.lines {
        last_lines_stream(fd, c.n, eol, out, buf)
    } else {
        last_bytes_stream(fd, c.n, out, buf)
    }
}

/// One followed file.
struct Followed {
    name: OsString,
    file: Option<File>,
    dev_ino: (u64, u64),
    pos: u64,
}

fn display(name: &OsString) -> String {
    if name == "-" {
        "standard input".to_string()
    } else {
        String::from_utf8_lossy(name.as_bytes()).into_owned()
    }
}

struct Tail {
    diag: Diag,
    out: Out,
    headers: bool,
    /// Index of the file whose header was printed last.
    last_header: Option<usize>,
    printed_any: bool,
}

impl Tail {
    fn header(&mut self, i: usize, name: &OsString) {
        if !self.headers || self.last_header == Some(i) {
            return;
        }
        if self.printed_any {
            self.out.write_bytes(b"\n");
        }
        self.out.write_bytes(format!("==> {} <==\n", display(name)).as_bytes());
        self.last_header = Some(i);
        self.printed_any = true;
    }

    fn note(&mut self, msg: String) {
        self.out.flush_now();
        diag::write_stderr(format!("{}: {msg}\n", self.diag.name()).as_bytes());
    }
}

fn alive(pid: Option<i32>) -> bool {
    match pid {
        None => true,
        Some(p) => {
            // SAFETY: kill with signal 0 only checks for the process.
            let r = unsafe { libc::kill(p, 0) };
            r == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
        }
    }
}

fn main(args: &[OsString]) -> i32 {
    let args_v = legacy(args);
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(&args_v) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let mut count = Count { n: 10, lines: true, from_start: false };
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
    let by_name = m.has("F")
        || match m.value("follow").map(|v| v.as_bytes()) {
            Some(b"name") => true,
            Some(b"descriptor") | None => false,
            Some(other) => {
                let shown = String::from_utf8_lossy(other).into_owned();
                return parser.usage_error(args, format_args!("invalid argument '{shown}' for '--follow'"));
            }
        };
    let follow = m.has("f") || m.has("F") || m.has("follow");
    let retry = m.has("F") || m.has("retry");
    let interval = match m.value("s") {
        None => 1.0,
        Some(s) => match String::from_utf8_lossy(s.as_bytes()).parse::<f64>() {
            Ok(v) if v >= 0.0 && v.is_finite() => v,
            _ => {
                diag.error(format_args!("invalid number of seconds: {}", quote::msg(s.as_bytes())));
                return 1;
            }
        },
    };
    let pid = match m.value("pid") {
        None => None,
        Some(p) => match String::from_utf8_lossy(p.as_bytes()).parse::<i32>() {
            Ok(v) if v > 0 => Some(v),
            _ => {
                diag.error(format_args!("invalid PID: {}", quote::msg(p.as_bytes())));
                return 1;
            }
        },
    };
    let eol = if m.has("z") { 0 } else { b'\n' };
    let dash = [OsString::from("-")];
    let ops = if m.operands.is_empty() { &dash[..] } else { &m.operands[..] };
    let headers = match m.last_of(&["q", "silent", "v"]) {
        Some("v") => true,
        Some(_) => false,
        None => ops.len() > 1,
    };
    let mut t = Tail {
        diag,
        out: Out::stdout(),
        headers,
        last_header: None,
        printed_any: false,
    };
    let mut buf = vec![0u8; 128 * 1024];
    let mut followed: Vec<Followed> = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        let file = if op == "-" {
            None
        } else {
            match File::open(op) {
                Ok(f) => Some(f),
                Err(e) => {
                    t.out.flush_now();
                    t.diag.error(format_args!("cannot open {} for reading: {}", quote::msg_os(op), diag::strerror(&e)));
                    if follow && retry {
                        followed.push(Followed { name: op.clone(), file: None, dev_ino: (0, 0), pos: 0 });
                    }
                    continue;
                }
            }
        };
        let fd = file.as_ref().map_or(0, |f| f.as_raw_fd());
        t.header(i, op);
        t.printed_any = true;
        if let Err(e) = tail_fd(fd, count, eol, &mut t.out, &mut buf) {
            t.out.flush_now();
            t.diag.error(format_args!("error reading {}: {}", quote::msg(display(op).as_bytes()), diag::strerror(&e)));
            continue;
        }
        if follow {
            if let Some(f) = file {
                let md = f.metadata().ok();
                // SAFETY: lseek on an open descriptor.
                let pos = unsafe { libc::lseek(f.as_raw_fd(), 0, libc::SEEK_CUR) }.max(0) as u64;
                followed.push(Followed {
                    name: op.clone(),
                    dev_ino: md.map_or((0, 0), |m| (m.dev(), m.ino())),
                    file: Some(f),
                    pos,
                });
            }
        }
    }
    if follow && !followed.is_empty() {
        run_follow(&mut t, &mut followed, by_name, interval, pid, &mut buf, ops);
    }
    let status = t.diag.status();
    let name = t.diag.name().to_string();
    t.out.finish(&name, status)
}

fn run_follow(t: &mut Tail, files: &mut [Followed], by_name: bool, interval: f64, pid: Option<i32>, buf: &mut [u8], ops: &[OsString]) {
    let index_of = |name: &OsString| ops.iter().position(|o| o == name).unwrap_or(0);
    loop {
        t.out.flush_now();
        if !t.out.ok() {
            return;
        }
        let last_round = !alive(pid);
        for f in files.iter_mut() {
            if by_name {
                match std::fs::metadata(&f.name) {
                    Ok(md) if (md.dev(), md.ino()) != f.dev_ino => {
                        if let Ok(nf) = File::open(&f.name) {
                            let what = if f.file.is_some() { "has been replaced" } else { "has appeared" };
                            t.note(format!("{} {what};  following new file", quote::msg_os(&f.name)));
                            f.file = Some(nf);
                            f.dev_ino = (md.dev(), md.ino());
                            f.pos = 0;
                        }
                    }
                    Ok(_) => {}
                    Err(e) => {
                        if f.file.is_some() {
                            t.note(format!("{} has become inaccessible: {}", quote::msg_os(&f.name), diag::strerror(&e)));
                            f.file = None;
                            f.dev_ino = (0, 0);
                        }
                    }
                }
            }
            let Some(file) = &f.file else {
                continue;
            };
            let fd = file.as_raw_fd();
            let Ok(md) = file.metadata() else {
                continue;
            };
            if md.is_file() && md.len() < f.pos {
                t.note(format!("{}: file truncated", String::from_utf8_lossy(f.name.as_bytes())));
                f.pos = 0;
                // SAFETY: lseek on an open descriptor.
                unsafe { libc::lseek(fd, 0, libc::SEEK_SET) };
            }
            if md.is_file() && md.len() == f.pos {
                continue;
            }
            loop {
                match read_fd(fd, buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let i = index_of(&f.name);
                        t.header(i, &f.name);
                        t.out.write_bytes(&buf[..n]);
                        f.pos += n as u64;
                    }
                }
            }
        }
        if last_round {
            t.out.flush_now();
            return;
        }
        t.out.flush_now();
        std::thread::sleep(Duration::from_secs_f64(interval));
    }
}
