//! wc: count lines, words, characters and bytes.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/wc.html
//!
//! Counts are printed in the order lines, words, characters, bytes,
//! longest line, as wide as GNU makes them: one count of one file bare;
//! otherwise the digits of the regular files' total size, or 7 when an
//! input is not a regular file. Lines are counted with a SIMD byte count,
//! `-c` alone on a regular file takes its size. Characters (`-m`) and line
//! widths (`-L`) follow the locale: bytes in C, UTF-8 characters (invalid
//! bytes not counted) in a UTF-8 locale.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::{read_fd, Input, Out};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::io;

pub const APPLET: Applet = Applet {
    name: "wc",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-clmwL] [FILE]...",
    help: "Count lines, words and bytes of FILEs (standard input for none or -).\n\
\n\
\t-l\tLines\n\
\t-w\tWords\n\
\t-m\tCharacters\n\
\t-c\tBytes\n\
\t-L\tLength of the longest line",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('c', "bytes"),
    Opt::flag('l', "lines"),
    Opt::flag('m', "chars"),
    Opt::flag('w', "words"),
    Opt::flag('L', "max-line-length"),
];

#[derive(Default, Clone, Copy)]
struct Counts {
    lines: u64,
    words: u64,
    chars: u64,
    bytes: u64,
    max: u64,
}

#[derive(Clone, Copy)]
struct Want {
    lines: bool,
    words: bool,
    chars: bool,
    bytes: bool,
    max: bool,
    utf8: bool,
}

const SPACE: u8 = 0;
const PRINT: u8 = 1;
const OTHER: u8 = 2;

/// Byte classes in the C locale: white space, printable, other.
static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut i = 0x21;
    while i < 0x7f {
        t[i] = PRINT;
        i += 1;
    }
    t[b' ' as usize] = SPACE;
    t[b'\t' as usize] = SPACE;
    t[b'\n' as usize] = SPACE;
    t[11] = SPACE;
    t[12] = SPACE;
    t[b'\r' as usize] = SPACE;
    t
};

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 11 | 12 | b'\r')
}

/// Display width of a character (East Asian wide ones take two, combining
/// marks none).
fn width(c: u32) -> u64 {
    match c {
        0x300..=0x36f | 0x200b..=0x200f => 0,
        0x1100..=0x115f | 0x2e80..=0xa4cf | 0xac00..=0xd7a3 | 0xf900..=0xfaff | 0xfe30..=0xfe4f | 0xff00..=0xff60
        | 0xffe0..=0xffe6 | 0x1f300..=0x1f64f | 0x1f900..=0x1f9ff | 0x20000..=0x3fffd => 2,
        _ => 1,
    }
}

/// The words starting in `data` (C-locale classes: printable bytes make
/// words, white space ends them, other bytes do neither), carrying
/// `in_word` across calls. Branch-free: word edges in text are too
/// irregular for the branch predictor.
fn count_words(data: &[u8], in_word: &mut bool) -> u64 {
    let mut inw = u64::from(*in_word);
    let mut words = 0u64;
    for &b in data {
        let cls = CLASS[b as usize];
        let print = u64::from(cls == PRINT);
        let other = u64::from(cls == OTHER);
        words += print & (inw ^ 1);
        inw = print | (inw & other);
    }
    *in_word = inw != 0;
    words
}

/// Per-input counting state (a character or word may span two reads).
#[derive(Default)]
struct Scan {
    in_word: bool,
    pos: u64,
    /// A UTF-8 sequence being collected.
    pending: Vec<u8>,
}

impl Scan {
    fn end_line(&mut self, c: &mut Counts) {
        c.max = c.max.max(self.pos);
        self.pos = 0;
    }

    fn ascii(&mut self, b: u8, c: &mut Counts, want: &Want) {
        if want.words {
            // Only printable characters make words; other bytes neither
            // start nor end one (GNU's iswprint rule).
            if is_space(b) {
                self.in_word = false;
            } else if (0x21..0x7f).contains(&b) && !self.in_word {
                self.in_word = true;
                c.words += 1;
            }
        }
        if want.max {
            match b {
                b'\n' | b'\r' | 12 => self.end_line(c),
                b'\t' => self.pos += 8 - self.pos % 8,
                0x20..=0x7e => self.pos += 1,
                _ => {}
            }
        }
    }

    fn scan(&mut self, data: &[u8], c: &mut Counts, want: &Want) {
        if want.lines {
            c.lines += memchr::memchr_iter(b'\n', data).count() as u64;
        }
        c.bytes += data.len() as u64;
        if !(want.words || want.chars || want.max) {
            return;
        }
        if !want.utf8 {
            if want.chars {
                c.chars += data.len() as u64;
            }
            if want.words && !want.max {
                // The common case in a tight loop.
                c.words += count_words(data, &mut self.in_word);
            } else if want.words || want.max {
                for &b in data {
                    self.ascii(b, c, want);
                }
            }
            return;
        }
        let mut i = 0;
        while i < data.len() {
            if self.pending.is_empty() && !want.max {
                // A run of ASCII bytes: each is a character, words by the
                // class table, as in the C locale.
                let start = i;
                i += data[i..].iter().position(|&b| b >= 0x80).unwrap_or(data.len() - i);
                if want.words {
                    c.words += count_words(&data[start..i], &mut self.in_word);
                }
                c.chars += (i - start) as u64;
                if i == data.len() {
                    break;
                }
            }
            let b = data[i];
            i += 1;
            if !self.pending.is_empty() {
                if b & 0xc0 == 0x80 {
                    self.pending.push(b);
                    let need = match self.pending[0] {
                        0xc2..=0xdf => 2,
                        0xe0..=0xef => 3,
                        _ => 4,
                    };
                    if self.pending.len() == need {
                        let ok = std::str::from_utf8(&self.pending).ok().and_then(|s| s.chars().next());
                        self.pending.clear();
                        if let Some(ch) = ok {
                            c.chars += 1;
                            if want.words && !self.in_word {
                                self.in_word = true;
                                c.words += 1;
                            }
                            if want.max {
                                self.pos += width(ch as u32);
                            }
                        }
                    }
                    continue;
                }
                // An invalid sequence ends: its bytes are not characters.
                self.pending.clear();
            }
            if b < 0x80 {
                c.chars += 1;
                self.ascii(b, c, want);
            } else if matches!(b, 0xc2..=0xf4) {
                self.pending.push(b);
            }
            // An invalid byte is no character: it neither starts nor ends
            // a word, as in GNU.
        }
    }

    fn finish(&mut self, c: &mut Counts) {
        self.end_line(c);
    }
}

fn count_fd(fd: i32, want: &Want, buf: &mut [u8]) -> io::Result<Counts> {
    let mut c = Counts::default();
    let only_bytes = want.bytes && !(want.lines || want.words || want.chars || want.max);
    if only_bytes {
        // SAFETY: an all-zero stat is valid; fstat on an open descriptor.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd, &mut st) } == 0 && st.st_mode & libc::S_IFMT == libc::S_IFREG && st.st_size > 0 {
            // SAFETY: lseek on an open descriptor.
            let pos = unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) };
            if pos >= 0 && pos <= st.st_size {
                // SAFETY: as above.
                unsafe { libc::lseek(fd, 0, libc::SEEK_END) };
                c.bytes = (st.st_size - pos) as u64;
                return Ok(c);
            }
        }
    }
    let mut scan = Scan::default();
    loop {
        let n = read_fd(fd, buf)?;
        if n == 0 {
            break;
        }
        scan.scan(&buf[..n], &mut c, want);
    }
    scan.finish(&mut c);
    Ok(c)
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut want = Want {
        lines: m.has("l"),
        words: m.has("w"),
        chars: m.has("m"),
        bytes: m.has("c"),
        max: m.has("L"),
        utf8: false,
    };
    if !(want.lines || want.words || want.chars || want.bytes || want.max) {
        want.lines = true;
        want.words = true;
        want.bytes = true;
    }
    want.utf8 = (want.chars || want.max || want.words) && crate::sys::utf8_locale();
    let ncounts = [want.lines, want.words, want.chars, want.bytes, want.max].iter().filter(|&&x| x).count();
    let dash = [OsString::from("-")];
    let ops = if m.operands.is_empty() { &dash[..] } else { &m.operands[..] };
    // Column width from the inputs' sizes, as GNU works it out.
    let mut total_size: u64 = 0;
    let mut irregular = false;
    for op in ops {
        let md = if op == "-" {
            // SAFETY: an all-zero stat is valid; fstat on fd 0.
            let mut st: libc::stat = unsafe { std::mem::zeroed() };
            (unsafe { libc::fstat(0, &mut st) } == 0).then_some((st.st_mode & libc::S_IFMT == libc::S_IFREG, st.st_size as u64))
        } else {
            std::fs::metadata(op).ok().map(|md| (md.is_file(), md.len()))
        };
        match md {
            Some((true, size)) => total_size += size,
            Some((false, _)) => irregular = true,
            None => {}
        }
    }
    let width = if ncounts == 1 && ops.len() == 1 {
        1
    } else {
        let digits = total_size.to_string().len();
        if irregular {
            digits.max(7)
        } else {
            digits
        }
    };
    let mut diag = Diag::new(args);
    let mut out = Out::stdout();
    let mut buf = vec![0u8; 128 * 1024];
    let mut total = Counts::default();
    let print = |out: &mut Out, c: &Counts, name: Option<&[u8]>| {
        let mut line = String::new();
        for (on, v) in [
            (want.lines, c.lines),
            (want.words, c.words),
            (want.chars, c.chars),
            (want.bytes, c.bytes),
            (want.max, c.max),
        ] {
            if on {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&format!("{v:>width$}"));
            }
        }
        let mut bytes = line.into_bytes();
        if let Some(n) = name {
            bytes.push(b' ');
            bytes.extend_from_slice(n);
        }
        bytes.push(b'\n');
        out.write_bytes(&bytes);
    };
    use std::os::unix::ffi::OsStrExt;
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
        match count_fd(fd, &want, &mut buf) {
            Ok(c) => {
                total.lines += c.lines;
                total.words += c.words;
                total.chars += c.chars;
                total.bytes += c.bytes;
                total.max = total.max.max(c.max);
                let name = (!m.operands.is_empty()).then(|| op.as_bytes());
                print(&mut out, &c, name);
            }
            Err(e) => {
                out.flush_now();
                diag.io_error(op, &e);
                // GNU still prints the zero counts of a directory.
                if e.raw_os_error() == Some(libc::EISDIR) {
                    print(&mut out, &Counts::default(), Some(op.as_bytes()));
                }
            }
        }
    }
    if ops.len() > 1 {
        print(&mut out, &total, Some(b"total"));
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}
