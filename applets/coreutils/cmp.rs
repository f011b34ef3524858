//! cmp: compare two files byte by byte.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/cmp.html
//!
//! As GNU cmp 3.8: the first difference as `A B differ: byte N, line M`
//! (stdout), `-l` every differing byte as `OFFSET OCT OCT` (the offset
//! column as wide as the shorter regular file's size), `-b` the bytes shown
//! as `^A`/`M-x` too, `-s` nothing at all (not even errors). A file that
//! ends first gives `cmp: EOF on A after byte N, line M` on stderr (`in line
//! M` when the last line read was incomplete, no line with `-l`, `which is
//! empty` for an empty file). `-i SKIP[:SKIP2]` and the SKIP operands skip
//! leading bytes (decimal, 0x hex, 0 octal, K/M/G... suffixes), `-n N`
//! compares at most N bytes. Exit status 0 same, 1 different, 2 trouble.

use crate::args::{Opt, Parser, UsageForm};
use crate::diag::{self, Diag};
use crate::io::{read_fd, Input, Out};
use crate::size;
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "cmp",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-b] [-l|-s] [-i SKIP1[:SKIP2]] [-n LIMIT] FILE1 [FILE2 [SKIP1 [SKIP2]]]",
    help: "Compare two files byte by byte (FILE2 or - is standard input).\n\
\n\
\t-b, --print-bytes\tShow the differing bytes\n\
\t-i, --ignore-initial=SKIP[:SKIP2]\tSkip the first SKIP bytes of both (or each) inputs\n\
\t-l, --verbose\tList the offsets and octal values of every differing byte\n\
\t-n, --bytes=LIMIT\tCompare at most LIMIT bytes\n\
\t-s, --quiet, --silent\tPrint nothing; only the exit status tells\n\
SKIP and LIMIT take K, M, G... (1024) and KB, MB... (1000) suffixes.",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('b', "print-bytes"),
    Opt::value('i', "ignore-initial"),
    Opt::flag('l', "verbose"),
    Opt::value('n', "bytes"),
    Opt::flag('s', "quiet"),
    Opt::flag('\0', "silent"),
    Opt::flag('\0', "print-chars"),
];

const BUF: usize = 64 * 1024;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    First,
    All,
    Silent,
}

/// A number as GNU's `xstrtoumax` reads it: decimal, `0x` hex or `0`
/// octal, then an optional multiplier suffix. None if invalid or too big.
fn parse_num(s: &[u8]) -> Option<u64> {
    let (digits, radix) = if let Some(h) = s.strip_prefix(b"0x").or(s.strip_prefix(b"0X")) {
        (h, 16)
    } else if s.len() > 1 && s[0] == b'0' && s[1].is_ascii_digit() {
        (&s[1..], 8)
    } else {
        (s, 10)
    };
    let n = digits
        .iter()
        .take_while(|&&b| (b as char).is_digit(radix))
        .count();
    if n == 0 {
        return None;
    }
    let text = std::str::from_utf8(&digits[..n]).ok()?;
    let v = u64::from_str_radix(text, radix).ok()?;
    let suffix = std::str::from_utf8(&digits[n..]).ok()?;
    let plain = size::Suffixes {
        blocks: false,
        dd: false,
    };
    v.checked_mul(size::multiplier(suffix, plain).ok()?)
}

/// `^A`, `M-x`, `^?` or the byte itself, as GNU's `-b` shows bytes.
fn show_byte(mut c: u8, out: &mut Vec<u8>) {
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

/// `c` in octal, right-aligned in three columns.
fn octal3(c: u8, out: &mut Vec<u8>) {
    let digits = [b'0' + (c >> 6), b'0' + ((c >> 3) & 7), b'0' + (c & 7)];
    let skip = if c >= 64 {
        0
    } else if c >= 8 {
        1
    } else {
        2
    };
    out.resize(out.len() + skip, b' ');
    out.extend_from_slice(&digits[skip..]);
}

/// One opened input.
struct Side {
    name: OsString,
    input: Input,
    buf: Vec<u8>,
    len: usize,
    eof: bool,
}

impl Side {
    /// Fills the buffer as far as it goes (pipes give short reads).
    fn fill(&mut self) -> std::io::Result<()> {
        self.len = 0;
        while self.len < self.buf.len() && !self.eof {
            let n = read_fd(self.input.fd(), &mut self.buf[self.len..])?;
            if n == 0 {
                self.eof = true;
            }
            self.len += n;
        }
        Ok(())
    }

    /// Skips `n` bytes: a seek for a regular file, reading for the rest.
    fn skip(&mut self, mut n: u64, regular: bool) -> std::io::Result<()> {
        if n == 0 {
            return Ok(());
        }
        if regular {
            let off = i64::try_from(n).unwrap_or(i64::MAX);
            // SAFETY: lseek on a descriptor we own.
            if unsafe { libc::lseek(self.input.fd(), off, libc::SEEK_CUR) } >= 0 {
                return Ok(());
            }
        }
        while n > 0 {
            let want = n.min(self.buf.len() as u64) as usize;
            let got = read_fd(self.input.fd(), &mut self.buf[..want])?;
            if got == 0 {
                self.eof = true;
                break;
            }
            n -= got as u64;
        }
        Ok(())
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS)
        .usage_status(2)
        .usage_form(UsageForm::NamedTry);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let mode = match (m.has("l"), m.has("s") || m.has("silent")) {
        (true, true) => return parser.usage_error(args, "options -l and -s are incompatible"),
        (true, false) => Mode::All,
        (false, true) => Mode::Silent,
        _ => Mode::First,
    };
    let print_bytes = m.has("b") || m.has("print-chars");
    let mut skip = [0u64; 2];
    if let Some(v) = m.value("i") {
        let b = v.as_bytes();
        let bad = |part: &[u8]| {
            let shown = String::from_utf8_lossy(part).into_owned();
            format!("invalid --ignore-initial value '{shown}'")
        };
        let (a, c) = match b.iter().position(|&x| x == b':') {
            Some(p) => (&b[..p], Some(&b[p + 1..])),
            None => (b, None),
        };
        let Some(x) = parse_num(a) else {
            return parser.usage_error(args, bad(a));
        };
        let y = match c {
            Some(c) => match parse_num(c) {
                Some(y) => y,
                None => return parser.usage_error(args, bad(c)),
            },
            None => x,
        };
        skip = [x, y];
    }
    let limit = match m.value("n") {
        None => None,
        Some(v) => match parse_num(v.as_bytes()) {
            Some(n) => Some(n),
            // Out of range: as good as no limit.
            None if v.as_bytes().iter().all(u8::is_ascii_digit) && !v.is_empty() => None,
            None => {
                let shown = String::from_utf8_lossy(v.as_bytes()).into_owned();
                return parser.usage_error(args, format!("invalid --bytes value '{shown}'"));
            }
        },
    };
    let ops = &m.operands;
    if ops.is_empty() {
        let name = diag::name_of(args);
        return parser.usage_error(args, format!("missing operand after '{name}'"));
    }
    for (k, op) in ops.iter().enumerate().skip(2).take(2) {
        match parse_num(op.as_bytes()) {
            Some(n) => skip[k - 2] = n,
            None => {
                let shown = String::from_utf8_lossy(op.as_bytes()).into_owned();
                return parser
                    .usage_error(args, format!("invalid --ignore-initial value '{shown}'"));
            }
        }
    }
    if ops.len() > 4 {
        let shown = String::from_utf8_lossy(ops[4].as_bytes()).into_owned();
        return parser.usage_error(args, format!("extra operand '{shown}'"));
    }
    let names = [
        ops[0].clone(),
        ops.get(1).cloned().unwrap_or_else(|| OsString::from("-")),
    ];
    let diag = Diag::new(args);
    let mut out = Out::stdout();
    let status = compare(&names, skip, limit, mode, print_bytes, &diag, &mut out);
    if mode == Mode::Silent {
        return status;
    }
    if !out.flush_now() {
        out.finish(diag.name(), 2);
        return 2;
    }
    out.finish(diag.name(), status)
}

fn report(diag: &Diag, mode: Mode, name: &OsStr, e: &std::io::Error) -> i32 {
    if mode != Mode::Silent {
        let mut msg = format!("{}: ", diag.name()).into_bytes();
        msg.extend_from_slice(name.as_bytes());
        msg.extend_from_slice(format!(": {}\n", diag::strerror(e)).as_bytes());
        diag::write_stderr(&msg);
    }
    2
}

fn compare(
    names: &[OsString; 2],
    skip: [u64; 2],
    limit: Option<u64>,
    mode: Mode,
    print_bytes: bool,
    diag: &Diag,
    out: &mut Out,
) -> i32 {
    let mut sides = Vec::with_capacity(2);
    let mut metas = Vec::with_capacity(2);
    for name in names {
        let input = match Input::open(name) {
            Ok(i) => i,
            Err(e) => return report(diag, mode, name, &e),
        };
        let fd = input.fd();
        // SAFETY: fstat on an open descriptor into a zeroed stat.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            return report(diag, mode, name, &std::io::Error::last_os_error());
        }
        if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
            let e = std::io::Error::from_raw_os_error(libc::EISDIR);
            return report(diag, mode, name, &e);
        }
        metas.push(st);
        sides.push(Side {
            name: name.clone(),
            input,
            buf: vec![0; BUF],
            len: 0,
            eof: false,
        });
    }
    let regular = |st: &libc::stat| st.st_mode & libc::S_IFMT == libc::S_IFREG;
    // The same file at the same position cannot differ.
    if metas[0].st_dev == metas[1].st_dev && metas[0].st_ino == metas[1].st_ino && skip[0] == skip[1]
    {
        // SAFETY: lseek with SEEK_CUR and offset 0 only reads the position.
        let pos = |fd| unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) };
        if pos(sides[0].input.fd()) == pos(sides[1].input.fd()) {
            return 0;
        }
    }
    for k in 0..2 {
        let reg = regular(&metas[k]);
        if let Err(e) = sides[k].skip(skip[k], reg) {
            return report(diag, mode, &names[k], &e);
        }
    }
    // Quick answer: regular files of different remaining sizes differ.
    if mode == Mode::Silent && limit.is_none() && regular(&metas[0]) && regular(&metas[1]) {
        let rest = |k: usize| (metas[k].st_size as u64).saturating_sub(skip[k]);
        if rest(0) != rest(1) {
            return 1;
        }
    }
    // The -l offset column is as wide as the largest offset that can show.
    let mut max_offset = limit.unwrap_or(i64::MAX as u64);
    for k in 0..2 {
        if regular(&metas[k]) {
            let rest = (metas[k].st_size as u64).saturating_sub(skip[k]);
            max_offset = max_offset.min(rest);
        }
    }
    let width = max_offset.to_string().len();

    let mut remaining = limit.unwrap_or(u64::MAX);
    let mut offset: u64 = 0; // bytes compared so far
    let mut lines: u64 = 0; // newlines seen so far
    let mut differ = false;
    let mut last_nl = false;
    let mut line = Vec::with_capacity(128);
    let (mut p0, mut p1) = (0usize, 0usize);
    loop {
        if remaining == 0 {
            break;
        }
        if p0 == sides[0].len && !sides[0].eof {
            if let Err(e) = sides[0].fill() {
                return report(diag, mode, &names[0], &e);
            }
            p0 = 0;
        }
        if p1 == sides[1].len && !sides[1].eof {
            if let Err(e) = sides[1].fill() {
                return report(diag, mode, &names[1], &e);
            }
            p1 = 0;
        }
        let a = &sides[0].buf[p0..sides[0].len];
        let b = &sides[1].buf[p1..sides[1].len];
        let n = a.len().min(b.len()).min(remaining.min(usize::MAX as u64) as usize);
        if n == 0 {
            let (e0, e1) = (a.is_empty(), b.is_empty());
            if e0 == e1 {
                break;
            }
            // One side ended first.
            let short = if e0 { 0 } else { 1 };
            if mode != Mode::Silent {
                if !out.flush_now() {
                    return 2;
                }
                let mut msg = format!("{}: EOF on ", diag.name()).into_bytes();
                msg.extend_from_slice(sides[short].name.as_bytes());
                if offset == 0 {
                    msg.extend_from_slice(b" which is empty\n");
                } else if mode == Mode::All {
                    msg.extend_from_slice(format!(" after byte {offset}\n").as_bytes());
                } else {
                    if last_nl {
                        msg.extend_from_slice(
                            format!(" after byte {offset}, line {lines}\n").as_bytes(),
                        );
                    } else {
                        msg.extend_from_slice(
                            format!(" after byte {offset}, in line {}\n", lines + 1).as_bytes(),
                        );
                    }
                }
                diag::write_stderr(&msg);
            }
            return 1;
        }
        let (a, b) = (&a[..n], &b[..n]);
        match mode {
            Mode::Silent => {
                if a != b {
                    return 1;
                }
            }
            Mode::First => {
                if let Some(i) = a.iter().zip(b).position(|(x, y)| x != y) {
                    lines += memchr::memchr_iter(b'\n', &a[..i]).count() as u64;
                    line.clear();
                    line.extend_from_slice(names[0].as_bytes());
                    line.push(b' ');
                    line.extend_from_slice(names[1].as_bytes());
                    line.extend_from_slice(
                        format!(" differ: byte {}, line {}", offset + i as u64 + 1, lines + 1)
                            .as_bytes(),
                    );
                    if print_bytes {
                        line.extend_from_slice(b" is ");
                        octal3(a[i], &mut line);
                        line.push(b' ');
                        show_byte(a[i], &mut line);
                        line.push(b' ');
                        octal3(b[i], &mut line);
                        line.push(b' ');
                        show_byte(b[i], &mut line);
                    }
                    line.push(b'\n');
                    out.write_bytes(&line);
                    return 1;
                }
                lines += memchr::memchr_iter(b'\n', a).count() as u64;
            }
            Mode::All => {
                if a != b {
                    for (i, (&x, &y)) in a.iter().zip(b).enumerate() {
                        if x == y {
                            continue;
                        }
                        differ = true;
                        line.clear();
                        let mut digits = [0u8; 20];
                        let mut n = offset + i as u64 + 1;
                        let mut k = digits.len();
                        loop {
                            k -= 1;
                            digits[k] = b'0' + (n % 10) as u8;
                            n /= 10;
                            if n == 0 {
                                break;
                            }
                        }
                        let pos = &digits[k..];
                        line.resize(width.saturating_sub(pos.len()), b' ');
                        line.extend_from_slice(pos);
                        line.push(b' ');
                        octal3(x, &mut line);
                        line.push(b' ');
                        if print_bytes {
                            let start = line.len();
                            show_byte(x, &mut line);
                            while line.len() < start + 4 {
                                line.push(b' ');
                            }
                            line.push(b' ');
                        }
                        octal3(y, &mut line);
                        if print_bytes {
                            line.push(b' ');
                            show_byte(y, &mut line);
                        }
                        line.push(b'\n');
                        out.write_bytes(&line);
                    }
                }
            }
        }
        last_nl = a[n - 1] == b'\n';
        offset += n as u64;
        remaining -= n as u64;
        p0 += n;
        p1 += n;
    }
    i32::from(differ)
}
