//! split: split a file into pieces.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/split.html
//!
//! `-l N` lines (1000 by default), `-b SIZE` bytes, `-C SIZE` at most SIZE
//! bytes of whole lines, `-n CHUNKS` (`N`, `K/N`, `l/N`, `l/K/N`, `r/N`,
//! `r/K/N`) as GNU splits them. Names are PREFIX (default `x`) and a
//! suffix of `-a N` letters, digits with `-d` or hex digits with `-x`, then
//! `--additional-suffix`. When `-a` is not given the suffix grows as GNU's
//! does once the first letter would reach the last (`xyz` then `xzaaa`).

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::{read_fd, write_fd, Out};
use crate::quote;
use crate::size;
use crate::{Applet, Dir};
use std::ffi::{CString, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;

pub const APPLET: Applet = Applet {
    name: "split",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-l N | -b SIZE | -C SIZE | -n CHUNKS] [-a N] [-d|-x] [-e] [--additional-suffix=S] [--verbose] [FILE [PREFIX]]",
    help: "Split FILE (or standard input) into PREFIXaa, PREFIXab, ...\n\
\n\
\t-l N\tN lines per file (default 1000)\n\
\t-b SIZE\tSIZE bytes per file (K M G ... suffixes)\n\
\t-C SIZE\tAt most SIZE bytes of whole lines per file\n\
\t-n CHUNKS\tN files of equal size; K/N: only the Kth, to stdout;\n\
\t\tl/N: without splitting lines; r/N: lines dealt round robin\n\
\t-a N\tSuffixes of N characters\n\
\t-d\tNumeric suffixes (--numeric-suffixes[=FROM])\n\
\t-x\tHex suffixes (--hex-suffixes[=FROM])\n\
\t-e\tWith -n, make no empty files\n\
\t--additional-suffix=S\tAppend S to the names\n\
\t--verbose\tSay which file is made",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::value('l', "lines"),
    Opt::value('b', "bytes"),
    Opt::value('C', "line-bytes"),
    Opt::value('n', "number"),
    Opt::value('a', "suffix-length"),
    Opt::flag('d', ""),
    Opt::optional('\0', "numeric-suffixes"),
    Opt::flag('x', ""),
    Opt::optional('\0', "hex-suffixes"),
    Opt::flag('e', "elide-empty-files"),
    Opt::value('\0', "additional-suffix"),
    Opt::flag('\0', "verbose"),
];

/// File names in order.
struct Names {
    prefix: Vec<u8>,
    extra: Vec<u8>,
    digits: &'static [u8],
    len: usize,
    /// The counter, most significant first.
    counter: Vec<usize>,
    /// Characters fixed in front after the suffix grew.
    grown: Vec<u8>,
    auto_grow: bool,
    started: bool,
}

impl Names {
    /// The next name, or None when the suffixes are used up.
    fn next(&mut self) -> Option<Vec<u8>> {
        if self.started {
            let base = self.digits.len();
            let mut i = self.len;
            loop {
                if i == 0 {
                    return None;
                }
                i -= 1;
                self.counter[i] += 1;
                if self.counter[i] < base {
                    break;
                }
                self.counter[i] = 0;
            }
            if self.auto_grow && self.counter[0] == base - 1 {
                self.grown.push(self.digits[base - 1]);
                self.len += 1;
                self.counter = vec![0; self.len];
            }
        }
        self.started = true;
        let mut name = self.prefix.clone();
        name.extend_from_slice(&self.grown);
        name.extend(self.counter.iter().map(|&d| self.digits[d]));
        name.extend_from_slice(&self.extra);
        Some(name)
    }
}

struct Split {
    diag: Diag,
    names: Names,
    verbose: bool,
    out: Out,
    input_id: Option<(u64, u64)>,
    fd: Option<i32>,
}

impl Split {
    /// Closes the current piece and opens the next.
    fn open_next(&mut self) -> Result<(), ()> {
        self.close();
        let Some(name) = self.names.next() else {
            self.diag.error("output file suffixes exhausted");
            return Err(());
        };
        if let Some(id) = self.input_id {
            if let Ok(md) = std::fs::metadata(std::ffi::OsStr::from_bytes(&name)) {
                if (md.dev(), md.ino()) == id {
                    self.diag.error(format_args!("{} would overwrite input; aborting", quote::msg(&name)));
                    return Err(());
                }
            }
        }
        if self.verbose {
            self.out.write_bytes(format!("creating file {}\n", quote::msg(&name)).as_bytes());
            self.out.flush_now();
        }
        let c = CString::new(name.clone()).map_err(|_| ())?;
        // SAFETY: `c` is NUL-terminated.
        let fd = unsafe { libc::open(c.as_ptr(), libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC | libc::O_CLOEXEC, 0o666) };
        if fd < 0 {
            let e = io::Error::last_os_error();
            self.diag.error(format_args!("{}: {}", quote::msg(&name), diag::strerror(&e)));
            return Err(());
        }
        self.fd = Some(fd);
        Ok(())
    }

    fn write(&mut self, data: &[u8]) -> Result<(), ()> {
        let Some(fd) = self.fd else {
            return Err(());
        };
        write_fd(fd, data).map_err(|e| {
            self.diag.error(format_args!("write error: {}", diag::strerror(&e)));
        })
    }

    fn close(&mut self) {
        if let Some(fd) = self.fd.take() {
            // SAFETY: the descriptor is ours.
            unsafe { libc::close(fd) };
        }
    }
}

enum Mode {
    Lines(u64),
    Bytes(u64),
    LineBytes(u64),
    /// -n: kind ('b', 'l', 'r'), K (0 = all), N.
    Chunks(u8, u64, u64),
}

fn parse_count(s: &[u8], what: &str, diag: &mut Diag) -> Option<u64> {
    let text = String::from_utf8_lossy(s);
    match size::parse_size(&text, size::GNU) {
        Ok(0) => {
            diag.error(format_args!("invalid number of {what}: {}: {}", quote::msg(s), diag::errno_text(libc::ERANGE)));
            None
        }
        Ok(v) => Some(v),
        Err(_) => {
            diag.error(format_args!("invalid number of {what}: {}", quote::msg(s)));
            None
        }
    }
}

fn parse_chunks(s: &[u8], diag: &mut Diag) -> Option<Mode> {
    let (kind, rest) = match s {
        [b'l', b'/', r @ ..] => (b'l', r),
        [b'r', b'/', r @ ..] => (b'r', r),
        r => (b'b', r),
    };
    let parts: Vec<&[u8]> = rest.split(|&b| b == b'/').collect();
    let num = |p: &[u8]| std::str::from_utf8(p).ok().and_then(|t| t.parse::<u64>().ok());
    let (k, n) = match parts[..] {
        [n] => (Some(0), num(n)),
        [k, n] => (num(k), num(n)),
        _ => (None, None),
    };
    match (k, n) {
        (Some(k), Some(n)) if n > 0 && k <= n => Some(Mode::Chunks(kind, k, n)),
        (Some(_), Some(0)) => {
            diag.error(format_args!("invalid number of chunks: {}: {}", quote::msg(s), diag::errno_text(libc::ERANGE)));
            None
        }
        (Some(k), Some(_)) => {
            diag.error(format_args!("invalid chunk number: {}", quote::msg(k.to_string().as_bytes())));
            None
        }
        _ => {
            diag.error(format_args!("invalid number of chunks: {}", quote::msg(s)));
            None
        }
    }
}

/// Reads the whole input (for -n on a pipe).
fn read_all(fd: i32) -> io::Result<Vec<u8>> {
    let mut v = Vec::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = read_fd(fd, &mut buf)?;
        if n == 0 {
            return Ok(v);
        }
        v.extend_from_slice(&buf[..n]);
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
    let mut mode = Mode::Lines(1000);
    let mut modes = 0;
    for (i, v) in &m.found {
        let v = v.as_ref().map(|s| s.as_bytes()).unwrap_or_default();
        let new = match OPTS[*i].short {
            b'l' => parse_count(v, "lines", &mut diag).map(Mode::Lines),
            b'b' => parse_count(v, "bytes", &mut diag).map(Mode::Bytes),
            b'C' => parse_count(v, "bytes", &mut diag).map(Mode::LineBytes),
            b'n' => parse_chunks(v, &mut diag),
            _ => continue,
        };
        match new {
            Some(md) => {
                mode = md;
                modes += 1;
            }
            None => return 1,
        }
    }
    if modes > 1 {
        return parser.usage_error(args, "cannot split in more than one way");
    }
    // Suffixes.
    let (digits, from): (&'static [u8], Option<&[u8]>) = match m.last_of(&["d", "numeric-suffixes", "x", "hex-suffixes"]) {
        Some("d") => (b"0123456789", None),
        Some("numeric-suffixes") => (b"0123456789", m.value("numeric-suffixes").map(|s| s.as_bytes())),
        Some("x") => (b"0123456789abcdef", None),
        Some("hex-suffixes") => (b"0123456789abcdef", m.value("hex-suffixes").map(|s| s.as_bytes())),
        _ => (b"abcdefghijklmnopqrstuvwxyz", None),
    };
    let given_len = match m.value("a") {
        Some(a) => match std::str::from_utf8(a.as_bytes()).ok().and_then(|s| s.parse::<usize>().ok()) {
            Some(n) if n > 0 => Some(n),
            _ => {
                diag.error(format_args!("invalid suffix length: {}", quote::msg(a.as_bytes())));
                return 1;
            }
        },
        None => None,
    };
    let mut len = given_len.unwrap_or(2);
    if let Mode::Chunks(_, _, n) = mode {
        // Enough characters for N names.
        let mut need = 1;
        let mut cap = digits.len() as u64;
        while cap < n {
            cap = cap.saturating_mul(digits.len() as u64);
            need += 1;
        }
        if given_len.is_some_and(|g| g < need) {
            diag.error("the suffix length needs to be at least ".to_string() + &need.to_string());
            return 1;
        }
        len = len.max(need);
    }
    let mut counter = vec![0usize; len];
    if let Some(f) = from {
        let Some(mut v) = std::str::from_utf8(f).ok().and_then(|s| u64::from_str_radix(s, if digits.len() == 16 { 16 } else { 10 }).ok()) else {
            diag.error(format_args!("invalid start value for numerical suffix: {}", quote::msg(f)));
            return 1;
        };
        for d in counter.iter_mut().rev() {
            *d = (v % digits.len() as u64) as usize;
            v /= digits.len() as u64;
        }
        if v > 0 {
            diag.error(format_args!("numerical suffix start value is too large for the suffix length"));
            return 1;
        }
    }
    let input = m.operands.first().cloned().unwrap_or_else(|| OsString::from("-"));
    let prefix = m.operands.get(1).map_or(b"x".to_vec(), |p| p.as_bytes().to_vec());
    let extra = m.value("additional-suffix").map_or(Vec::new(), |s| s.as_bytes().to_vec());
    if extra.contains(&b'/') {
        diag.error(format_args!("invalid suffix {}, contains directory separator", quote::msg(&extra)));
        return 1;
    }
    let fd = if input == "-" {
        0
    } else {
        let c = match crate::sys::cstring(&input) {
            Ok(c) => c,
            Err(e) => {
                diag.io_error(&input, &e);
                return 1;
            }
        };
        // SAFETY: `c` is NUL-terminated.
        let fd = unsafe { libc::open(c.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };
        if fd < 0 {
            let e = io::Error::last_os_error();
            diag.error(format_args!("cannot open {} for reading: {}", quote::msg_os(&input), diag::strerror(&e)));
            return 1;
        }
        fd
    };
    // SAFETY: an all-zero stat is valid; fstat on an open descriptor.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let have_stat = unsafe { libc::fstat(fd, &mut st) } == 0;
    let input_id = (have_stat && st.st_mode & libc::S_IFMT == libc::S_IFREG).then_some((st.st_dev, st.st_ino));
    let mut sp = Split {
        diag,
        names: Names {
            prefix,
            extra,
            digits,
            len,
            counter,
            grown: Vec::new(),
            auto_grow: given_len.is_none() && from.is_none() && !matches!(mode, Mode::Chunks(..)),
            started: false,
        },
        verbose: m.has("verbose"),
        out: Out::stdout(),
        input_id,
        fd: None,
    };
    let r = match mode {
        Mode::Lines(n) => by_lines(&mut sp, fd, n),
        Mode::Bytes(n) => by_bytes(&mut sp, fd, n),
        Mode::LineBytes(n) => by_line_bytes(&mut sp, fd, n),
        Mode::Chunks(kind, k, n) => chunks(&mut sp, fd, kind, k, n, m.has("e")),
    };
    sp.close();
    let status = if r.is_err() { 1 } else { sp.diag.status() };
    let name = sp.diag.name().to_string();
    sp.out.finish(&name, status)
}

fn read_err(sp: &mut Split, e: &io::Error) {
    sp.diag.error(format_args!("read error: {}", diag::strerror(e)));
}

fn by_lines(sp: &mut Split, fd: i32, n: u64) -> Result<(), ()> {
    let mut buf = vec![0u8; 1 << 16];
    let mut left = 0u64;
    loop {
        let got = read_fd(fd, &mut buf).map_err(|e| read_err(sp, &e))?;
        if got == 0 {
            return Ok(());
        }
        let mut data = &buf[..got];
        while !data.is_empty() {
            if left == 0 {
                sp.open_next()?;
                left = n;
            }
            // Up to the end of the `left`th line.
            let mut take = data.len();
            let mut lines = 0;
            for (i, _) in data.iter().enumerate().filter(|(_, &b)| b == b'\n') {
                lines += 1;
                if lines == left {
                    take = i + 1;
                    break;
                }
            }
            let piece = data[..take].to_vec();
            sp.write(&piece)?;
            left -= lines.min(left);
            data = &data[take..];
        }
    }
}

fn by_bytes(sp: &mut Split, fd: i32, n: u64) -> Result<(), ()> {
    let mut buf = vec![0u8; 1 << 16];
    let mut left = 0u64;
    loop {
        let got = read_fd(fd, &mut buf).map_err(|e| read_err(sp, &e))?;
        if got == 0 {
            return Ok(());
        }
        let mut data = &buf[..got];
        while !data.is_empty() {
            if left == 0 {
                sp.open_next()?;
                left = n;
            }
            let take = (left.min(data.len() as u64)) as usize;
            let piece = data[..take].to_vec();
            sp.write(&piece)?;
            left -= take as u64;
            data = &data[take..];
        }
    }
}

fn by_line_bytes(sp: &mut Split, fd: i32, n: u64) -> Result<(), ()> {
    // Whole lines while they fit; a line longer than N goes out in N-byte
    // pieces. Reads the input in memory-sized pieces, keeping a tail.
    let data = read_all(fd).map_err(|e| read_err(sp, &e))?;
    let n = n as usize;
    let mut pos = 0;
    while pos < data.len() {
        let end = (pos + n).min(data.len());
        let cut = if end == data.len() {
            end
        } else {
            match data[pos..end].iter().rposition(|&b| b == b'\n') {
                Some(i) => pos + i + 1,
                None => end,
            }
        };
        sp.open_next()?;
        sp.write(&data[pos..cut])?;
        pos = cut;
    }
    Ok(())
}

fn chunks(sp: &mut Split, fd: i32, kind: u8, k: u64, n: u64, elide: bool) -> Result<(), ()> {
    let data = read_all(fd).map_err(|e| read_err(sp, &e))?;
    let size = data.len() as u64;
    let to_stdout = k > 0;
    let emit = |sp: &mut Split, idx: u64, piece: &[u8]| -> Result<(), ()> {
        if to_stdout {
            if idx + 1 == k {
                sp.out.write_bytes(piece);
            }
            return Ok(());
        }
        if elide && piece.is_empty() {
            return Ok(());
        }
        sp.open_next()?;
        sp.write(piece)
    };
    match kind {
        b'r' => {
            if to_stdout {
                for (i, line) in data.split_inclusive(|&b| b == b'\n').enumerate() {
                    if i as u64 % n + 1 == k {
                        sp.out.write_bytes(line);
                    }
                }
                return Ok(());
            }
            let mut files: Vec<Vec<u8>> = vec![Vec::new(); n as usize];
            for (i, line) in data.split_inclusive(|&b| b == b'\n').enumerate() {
                files[i % n as usize].extend_from_slice(line);
            }
            for (i, f) in files.iter().enumerate() {
                emit(sp, i as u64, f)?;
            }
            Ok(())
        }
        _ => {
            let chunk = size / n;
            let mut start = 0u64;
            for i in 0..n {
                let mut end = if i + 1 == n { size } else { (i + 1) * chunk };
                if kind == b'l' && i + 1 < n {
                    // To the end of the line holding the chunk's last byte.
                    let from = end.saturating_sub(1) as usize;
                    end = match data[from.min(data.len())..].iter().position(|&b| b == b'\n') {
                        Some(p) => (from + p + 1) as u64,
                        None => size,
                    };
                    end = end.max(start);
                }
                let piece = &data[start as usize..end as usize];
                emit(sp, i, piece)?;
                start = end;
            }
            Ok(())
        }
    }
}
