//! hexdump, hd: display file contents through format strings (util-linux).
//!
//! A format (`-e`, a line of `-f FILE`, or one of `-b -c -C -d -o -x`) is a
//! list of units `[ITER][/BYTES] "TEXT"`; TEXT holds printf conversions
//! (`%d %i %o %u %x %X` of 1, 2, 4 or 8 bytes, `%e %f %g %E %G` of 4 or
//! 8, `%c`, `%s` of PREC or BYTES bytes) and hexdump's own: `%_a[dox]` the
//! offset, `%_A[dox]` the offset after the end (printed once), `%_c`
//! characters with C escapes, `%_p` printable characters or `.`, `%_u`
//! ASCII names. Every format is applied in turn to each block of input;
//! a block is as long as the longest format. Past the end of the data
//! conversions print as blanks of their width. Repeated blocks show as
//! one `*` line unless `-v`.
//!
//! Numbers are formatted by the C library's `snprintf`, so flags, widths
//! and precisions mean what they mean in C. Differences from util-linux
//! 2.38: `-s` past the start of a pipe reads the bytes instead of failing
//! with "Illegal seek"; a read error (a directory operand) makes the exit
//! status 1 (util-linux reports it and exits 0); widths and precisions
//! above 65535 are refused. `hd` is `hexdump -C` followed by any other
//! formats given, as util-linux's `hd`.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::{read_fd, Out};
use crate::{Applet, Dir};
use std::ffi::{CString, OsStr, OsString};
use std::fs::File;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::io::AsRawFd;

pub const APPLET: Applet = Applet {
    name: "hexdump",
    aliases: &["hd"],
    dir: Dir::UsrBin,
    usage: "[-bcCdovx] [-e FORMAT] [-f FORMAT_FILE] [-n LENGTH] [-s OFFSET] [FILE]...",
    help: "Display FILEs (standard input for none) through format strings.

  -b, --one-byte-octal      one-byte octal display
  -c, --one-byte-char       one-byte character display
  -C, --canonical           canonical hex+ASCII display
  -d, --two-bytes-decimal   two-byte decimal display
  -o, --two-bytes-octal     two-byte octal display
  -x, --two-bytes-hex       two-byte hexadecimal display
  -e, --format FORMAT       format string to be used for displaying data
  -f, --format-file FILE    file that contains format strings
  -n, --length LENGTH       interpret only LENGTH bytes of input
  -s, --skip OFFSET         skip OFFSET bytes from the beginning
  -v, --no-squeezing        output identical lines

LENGTH and OFFSET may be hex (0x) or octal (0) and have a suffix K, KiB,
KB, M, ... hd is hexdump -C.",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('b', "one-byte-octal"),
    Opt::flag('c', "one-byte-char"),
    Opt::flag('C', "canonical"),
    Opt::flag('d', "two-bytes-decimal"),
    Opt::flag('o', "two-bytes-octal"),
    Opt::flag('x', "two-bytes-hex"),
    Opt::value('e', "format"),
    Opt::value('f', "format-file"),
    Opt::value('n', "length"),
    Opt::value('s', "skip"),
    Opt::flag('v', "no-squeezing"),
    Opt::optional('L', "color"),
];

const OFFSET_END: &str = "\"%07.7_Ax\\n\"";

fn canned(c: u8) -> &'static [&'static str] {
    match c {
        b'b' => &[OFFSET_END, "\"%07.7_ax \" 16/1 \"%03o \" \"\\n\""],
        b'c' => &[OFFSET_END, "\"%07.7_ax \" 16/1 \"%3_c \" \"\\n\""],
        b'C' => &[
            "\"%08.8_Ax\\n\"",
            "\"%08.8_ax  \" 8/1 \"%02x \" \"  \" 8/1 \"%02x \" ",
            "\"  |\" 16/1 \"%_p\" \"|\\n\"",
        ],
        b'd' => &[OFFSET_END, "\"%07.7_ax \" 8/2 \"  %05u \" \"\\n\""],
        b'o' => &[OFFSET_END, "\"%07.7_ax \" 8/2 \" %06o \" \"\\n\""],
        b'x' => &[OFFSET_END, "\"%07.7_ax \" 8/2 \"   %04x \" \"\\n\""],
        _ => &[OFFSET_END, "\"%07.7_ax \" 8/2 \"%04x \" \"\\n\""],
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Conv {
    Text,
    /// `%_a` with its radix letter.
    Addr(u8),
    Char,
    Signed(u8),
    Unsigned(u8),
    Float(u8),
    Str,
    /// `%_c`, `%_p`, `%_u`.
    Escaped,
    Printable,
    Named,
}

struct Pr {
    /// Literal text before the conversion (all of it for `Text`).
    text: Vec<u8>,
    /// Flags, width and precision between `%` and the conversion.
    spec: Vec<u8>,
    conv: Conv,
    bcnt: usize,
    /// Drop the last byte of `text` on a unit's last iteration (a trailing
    /// blank of a repeated unit).
    nospace: bool,
}

struct Fu {
    reps: usize,
    set_rep: bool,
    bcnt: usize,
    fmt: Vec<u8>,
    prs: Vec<Pr>,
    /// Holds `%_A`: shown once at the end, not per block.
    end: bool,
}

struct Fs {
    fus: Vec<Fu>,
    bcnt: usize,
}

/// Splits one format string into its units.
fn add_fmt(fmt: &[u8], list: &mut Vec<Fs>) -> Result<(), String> {
    let bad = || format!("bad format {{{}}}", String::from_utf8_lossy(fmt));
    let mut fus = Vec::new();
    let mut p = 0;
    let skip_space = |p: &mut usize| {
        while *p < fmt.len() && fmt[*p].is_ascii_whitespace() {
            *p += 1;
        }
    };
    loop {
        skip_space(&mut p);
        if p >= fmt.len() {
            break;
        }
        let mut fu = Fu {
            reps: 1,
            set_rep: false,
            bcnt: 0,
            fmt: Vec::new(),
            prs: Vec::new(),
            end: false,
        };
        let number = |p: &mut usize| -> Result<usize, String> {
            let start = *p;
            while *p < fmt.len() && fmt[*p].is_ascii_digit() {
                *p += 1;
            }
            std::str::from_utf8(&fmt[start..*p])
                .ok()
                .and_then(|s| s.parse::<usize>().ok())
                .filter(|&n| n <= 1 << 24)
                .ok_or_else(bad)
        };
        if fmt[p].is_ascii_digit() {
            fu.reps = number(&mut p)?;
            fu.set_rep = true;
            if p >= fmt.len() || !(fmt[p].is_ascii_whitespace() || fmt[p] == b'/') {
                return Err(bad());
            }
            skip_space(&mut p);
        }
        if p < fmt.len() && fmt[p] == b'/' {
            p += 1;
            skip_space(&mut p);
            if p < fmt.len() && fmt[p].is_ascii_digit() {
                fu.bcnt = number(&mut p)?;
                if p >= fmt.len() || !fmt[p].is_ascii_whitespace() {
                    return Err(bad());
                }
                skip_space(&mut p);
            }
        }
        if p >= fmt.len() || fmt[p] != b'"' {
            return Err(bad());
        }
        p += 1;
        let start = p;
        while p < fmt.len() && fmt[p] != b'"' {
            p += 1;
        }
        if p >= fmt.len() {
            return Err(bad());
        }
        fu.fmt = escape(&fmt[start..p]);
        p += 1;
        fus.push(fu);
    }
    list.push(Fs { fus, bcnt: 0 });
    Ok(())
}

fn escape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'\\' && i + 1 < s.len() {
            i += 1;
            out.push(match s[i] {
                b'a' => 7,
                b'b' => 8,
                b'f' => 12,
                b'n' => b'\n',
                b'r' => b'\r',
                b't' => b'\t',
                b'v' => 11,
                c => c,
            });
        } else {
            out.push(s[i]);
        }
        i += 1;
    }
    out
}

const SPEC: &[u8] = b".#-+ 0123456789";

/// Breaks each unit into print units, checks them, and fixes the byte
/// counts and repetitions (util-linux's rewrite_rules).
fn rewrite(fs: &mut Fs, blocksize: usize) -> Result<(), String> {
    for fu in &mut fs.fus {
        let f = &fu.fmt;
        let mut at = 0;
        let mut nconv = 0;
        while at < f.len() {
            let Some(pct) = f[at..].iter().position(|&b| b == b'%').map(|k| at + k) else {
                fu.prs.push(Pr {
                    text: f[at..].to_vec(),
                    spec: Vec::new(),
                    conv: Conv::Text,
                    bcnt: 0,
                    nospace: false,
                });
                break;
            };
            let mut q = pct + 1;
            let mut prec: Option<usize> = None;
            if fu.bcnt > 0 {
                while q < f.len() && SPEC.contains(&f[q]) {
                    q += 1;
                }
            } else {
                while q < f.len() && SPEC[1..].contains(&f[q]) {
                    q += 1;
                }
                if q < f.len() && f[q] == b'.' && f.get(q + 1).is_some_and(u8::is_ascii_digit) {
                    q += 1;
                    let s = q;
                    while q < f.len() && f[q].is_ascii_digit() {
                        q += 1;
                    }
                    prec = std::str::from_utf8(&f[s..q]).ok().and_then(|t| t.parse().ok());
                }
            }
            let spec = f[pct + 1..q].to_vec();
            if spec
                .split(|b| !b.is_ascii_digit())
                .any(|run| run.len() > 5 || (run.len() == 5 && run > b"65535".as_slice()))
            {
                return Err(format!("bad format {{{}}}", String::from_utf8_lossy(f)));
            }
            let c = f.get(q).copied().unwrap_or(0);
            let shown = |n: usize| String::from_utf8_lossy(&f[q..(q + n).min(f.len())]).into_owned();
            let badcnt = |n: usize| format!("bad byte count for conversion character {}", shown(n));
            let badconv = |n: usize| format!("bad conversion character %{}", shown(n));
            let mut end = q + 1;
            let (conv, bcnt) = match c {
                b'c' => match fu.bcnt {
                    0 | 1 => (Conv::Char, 1),
                    _ => return Err(badcnt(1)),
                },
                b'd' | b'i' | b'o' | b'u' | b'x' | b'X' => {
                    let conv = if c == b'd' || c == b'i' {
                        Conv::Signed(c)
                    } else {
                        Conv::Unsigned(c)
                    };
                    match fu.bcnt {
                        0 => (conv, 4),
                        n @ (1 | 2 | 4 | 8) => (conv, n),
                        _ => return Err(badcnt(1)),
                    }
                }
                b'e' | b'f' | b'g' | b'E' | b'G' => match fu.bcnt {
                    0 => (Conv::Float(c), 8),
                    n @ (4 | 8) => (Conv::Float(c), n),
                    _ => return Err(badcnt(1)),
                },
                b's' => {
                    if fu.bcnt > 0 {
                        (Conv::Str, fu.bcnt)
                    } else {
                        match prec {
                            Some(p) => (Conv::Str, p),
                            None => return Err("%s requires a precision or a byte count".into()),
                        }
                    }
                }
                b'_' => {
                    end += 1;
                    match f.get(q + 1).copied().unwrap_or(0) {
                        a @ (b'A' | b'a') => {
                            end += 1;
                            match f.get(q + 2).copied() {
                                Some(r @ (b'd' | b'o' | b'x')) => {
                                    if a == b'A' {
                                        fu.end = true;
                                    }
                                    (Conv::Addr(r), 0)
                                }
                                _ => return Err(badconv(3)),
                            }
                        }
                        k @ (b'c' | b'p' | b'u') => {
                            let conv = match k {
                                b'c' => Conv::Escaped,
                                b'p' => Conv::Printable,
                                _ => Conv::Named,
                            };
                            match fu.bcnt {
                                0 | 1 => (conv, 1),
                                _ => return Err(badcnt(2)),
                            }
                        }
                        _ => return Err(badconv(2)),
                    }
                }
                _ => return Err(badconv(1)),
            };
            if !matches!(conv, Conv::Addr(_)) && fu.bcnt > 0 {
                nconv += 1;
                if nconv > 1 {
                    return Err("byte count with multiple conversion characters".into());
                }
            }
            fu.prs.push(Pr {
                text: f[at..pct].to_vec(),
                spec,
                conv,
                bcnt,
                nospace: false,
            });
            at = end.min(f.len());
        }
        if fu.bcnt == 0 {
            fu.bcnt = fu.prs.iter().map(|p| p.bcnt).sum();
        }
    }
    let n = fs.fus.len();
    for (i, fu) in fs.fus.iter_mut().enumerate() {
        if i + 1 == n && fs.bcnt < blocksize && !fu.set_rep && fu.bcnt > 0 {
            fu.reps += (blocksize - fs.bcnt) / fu.bcnt;
        }
        if fu.reps > 1 {
            if let Some(last) = fu.prs.last_mut() {
                if last.conv == Conv::Text && last.text.last().is_some_and(u8::is_ascii_whitespace) {
                    last.nospace = true;
                }
            }
        }
    }
    Ok(())
}

/// The bytes a format consumes per block (util-linux's block_size).
fn block_size(fs: &Fs) -> usize {
    let mut size = 0;
    for fu in &fs.fus {
        if fu.bcnt > 0 {
            size += fu.bcnt * fu.reps;
            continue;
        }
        let f = &fu.fmt;
        let mut n = 0;
        let mut i = 0;
        while i < f.len() {
            if f[i] != b'%' {
                i += 1;
                continue;
            }
            i += 1;
            while i < f.len() && SPEC[1..].contains(&f[i]) {
                i += 1;
            }
            let mut prec = 0;
            if i < f.len() && f[i] == b'.' && f.get(i + 1).is_some_and(u8::is_ascii_digit) {
                i += 1;
                let s = i;
                while i < f.len() && f[i].is_ascii_digit() {
                    i += 1;
                }
                prec = std::str::from_utf8(&f[s..i]).ok().and_then(|t| t.parse().ok()).unwrap_or(0);
            }
            match f.get(i) {
                Some(b'd' | b'i' | b'o' | b'u' | b'x' | b'X') => n += 4,
                Some(b'e' | b'f' | b'g' | b'E' | b'G') => n += 8,
                Some(b's') => n += prec,
                Some(b'c') => n += 1,
                Some(b'_') if matches!(f.get(i + 1), Some(b'c' | b'p' | b'u')) => {
                    i += 1;
                    n += 1;
                }
                _ => {}
            }
            i += 1;
        }
        size += n * fu.reps;
    }
    size
}

enum Arg<'a> {
    I(i64),
    U(u64),
    F(f64),
    S(&'a [u8]),
    C(u8),
}

/// C's printf of one conversion: `%` SPEC LEN CONV.
fn cfmt(out: &mut Vec<u8>, spec: &[u8], conv: u8, arg: Arg) {
    let mut f = Vec::with_capacity(spec.len() + 5);
    f.push(b'%');
    f.extend_from_slice(spec);
    if matches!(arg, Arg::I(_) | Arg::U(_)) {
        f.extend_from_slice(b"ll");
    }
    f.push(conv);
    let Ok(fmt) = CString::new(f) else { return };
    let call = |buf: *mut libc::c_char, len: usize| -> i32 {
        // SAFETY: the format holds one conversion whose argument type
        // matches what is passed; the buffer is valid for `len` bytes.
        unsafe {
            match &arg {
                Arg::I(v) => libc::snprintf(buf, len, fmt.as_ptr(), *v as libc::c_longlong),
                Arg::U(v) => libc::snprintf(buf, len, fmt.as_ptr(), *v as libc::c_ulonglong),
                Arg::F(v) => libc::snprintf(buf, len, fmt.as_ptr(), *v as libc::c_double),
                Arg::C(v) => libc::snprintf(buf, len, fmt.as_ptr(), libc::c_int::from(*v)),
                Arg::S(s) => {
                    let end = s.iter().position(|&b| b == 0).unwrap_or(s.len());
                    let c = CString::new(&s[..end]).unwrap_or_default();
                    libc::snprintf(buf, len, fmt.as_ptr(), c.as_ptr())
                }
            }
        }
    };
    let mut buf = [0u8; 256];
    let n = call(buf.as_mut_ptr().cast(), buf.len());
    if n < 0 {
        return;
    }
    let n = n as usize;
    if n < buf.len() {
        out.extend_from_slice(&buf[..n]);
    } else {
        let mut big = vec![0u8; n + 1];
        call(big.as_mut_ptr().cast(), big.len());
        out.extend_from_slice(&big[..n]);
    }
}

const NAMES: [&str; 32] = [
    "nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "lf", "vt", "ff", "cr",
    "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", "em", "sub",
    "esc", "fs", "gs", "rs", "us",
];

fn printable(c: u8) -> bool {
    (32..127).contains(&c)
}

fn le(bytes: &[u8]) -> u64 {
    bytes.iter().rev().fold(0, |v, &b| (v << 8) | u64::from(b))
}

fn print(pr: &Pr, data: &[u8], address: u64, blank: bool, last_rep: bool, out: &mut Vec<u8>) {
    let text = if last_rep && pr.nospace {
        &pr.text[..pr.text.len() - 1]
    } else {
        &pr.text[..]
    };
    out.extend_from_slice(text);
    if pr.conv == Conv::Text {
        return;
    }
    if blank {
        let spec: Vec<u8> = pr.spec.iter().copied().filter(|b| !b" -0+#".contains(b)).collect();
        cfmt(out, &spec, b's', Arg::S(b""));
        return;
    }
    let spec = &pr.spec;
    let bytes = &data[..pr.bcnt];
    match pr.conv {
        Conv::Addr(r) => cfmt(out, spec, r, Arg::U(address)),
        Conv::Char => cfmt(out, spec, b'c', Arg::C(bytes[0])),
        Conv::Signed(c) => {
            let shift = 64 - 8 * pr.bcnt as u32;
            let v = ((le(bytes) << shift) as i64) >> shift;
            cfmt(out, spec, c, Arg::I(v))
        }
        Conv::Unsigned(c) => cfmt(out, spec, c, Arg::U(le(bytes))),
        Conv::Float(c) => {
            let v = if pr.bcnt == 4 {
                f64::from(f32::from_bits(le(bytes) as u32))
            } else {
                f64::from_bits(le(bytes))
            };
            cfmt(out, spec, c, Arg::F(v))
        }
        Conv::Str => cfmt(out, spec, b's', Arg::S(bytes)),
        Conv::Escaped => {
            let b = bytes[0];
            let esc: &[u8] = match b {
                0 => b"\\0",
                7 => b"\\a",
                8 => b"\\b",
                12 => b"\\f",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                11 => b"\\v",
                _ => b"",
            };
            if !esc.is_empty() {
                cfmt(out, spec, b's', Arg::S(esc));
            } else if printable(b) {
                cfmt(out, spec, b'c', Arg::C(b));
            } else {
                cfmt(out, spec, b's', Arg::S(format!("{b:03o}").as_bytes()));
            }
        }
        Conv::Printable => {
            let b = bytes[0];
            cfmt(out, spec, b'c', Arg::C(if printable(b) { b } else { b'.' }))
        }
        Conv::Named => {
            let b = bytes[0];
            if b < 32 {
                cfmt(out, spec, b's', Arg::S(NAMES[b as usize].as_bytes()));
            } else if b == 127 {
                cfmt(out, spec, b's', Arg::S(b"del"));
            } else if printable(b) {
                cfmt(out, spec, b'c', Arg::C(b));
            } else {
                cfmt(out, spec, b'x', Arg::I(i64::from(b)));
            }
        }
        Conv::Text => {}
    }
}

/// The input: the files in turn, after the skip, at most `length` bytes.
struct Input<'a> {
    names: &'a [OsString],
    next: usize,
    fd: Option<(i32, Option<File>, &'a OsStr)>,
    opened_any: bool,
    stdin_done: bool,
    skip: u64,
    length: Option<u64>,
    /// Offset of the next byte, counting skipped bytes.
    address: u64,
    failed: bool,
}

impl<'a> Input<'a> {
    /// Opens the next input (and does what is left of the skip in it).
    fn open_next(&mut self, diag: &mut Diag) -> bool {
        loop {
            let (fd, file, name): (i32, Option<File>, &OsStr) = if self.names.is_empty() {
                if self.stdin_done {
                    return false;
                }
                self.stdin_done = true;
                (0, None, OsStr::new("stdin"))
            } else {
                let Some(name) = self.names.get(self.next) else {
                    if !self.opened_any && !self.stdin_done {
                        self.stdin_done = true;
                        diag.error("all input file arguments failed");
                    }
                    return false;
                };
                self.next += 1;
                match File::open(name) {
                    Ok(f) => (f.as_raw_fd(), Some(f), name.as_os_str()),
                    Err(e) => {
                        diag.io_error_raw(name, &e);
                        continue;
                    }
                }
            };
            self.opened_any = true;
            if self.skip > 0 {
                if let Some(f) = &file {
                    if let Ok(md) = f.metadata() {
                        if md.is_file() && self.skip > md.len() {
                            self.skip -= md.len();
                            self.address += md.len();
                            continue;
                        }
                    }
                }
                // SAFETY: lseek on a descriptor we hold.
                let pos = unsafe { libc::lseek(fd, self.skip as libc::off_t, libc::SEEK_SET) };
                if pos < 0 {
                    let mut buf = vec![0u8; 64 * 1024];
                    while self.skip > 0 {
                        let want = self.skip.min(buf.len() as u64) as usize;
                        match read_fd(fd, &mut buf[..want]) {
                            Ok(0) => break,
                            Ok(n) => {
                                self.skip -= n as u64;
                                self.address += n as u64;
                            }
                            Err(e) => {
                                diag.io_error_raw(name, &e);
                                self.failed = true;
                                break;
                            }
                        }
                    }
                    if self.skip > 0 {
                        continue;
                    }
                } else {
                    self.address += self.skip;
                    self.skip = 0;
                }
            }
            self.fd = Some((fd, file, name));
            return true;
        }
    }

    /// Fills `buf` as far as the input goes.
    fn fill(&mut self, buf: &mut [u8], diag: &mut Diag) -> usize {
        let mut got = 0;
        while got < buf.len() {
            if self.length == Some(0) {
                break;
            }
            if self.fd.is_none() && !self.open_next(diag) {
                break;
            }
            let Some((fd, _, name)) = &self.fd else { break };
            let mut want = buf.len() - got;
            if let Some(l) = self.length {
                want = want.min(l.min(usize::MAX as u64) as usize);
            }
            match read_fd(*fd, &mut buf[got..got + want]) {
                Ok(0) => self.fd = None,
                Ok(n) => {
                    got += n;
                    if let Some(l) = &mut self.length {
                        *l -= n as u64;
                    }
                }
                Err(e) => {
                    diag.io_error_raw(name, &e);
                    self.failed = true;
                    self.fd = None;
                }
            }
        }
        got
    }
}

/// util-linux's strtosize: base 0 digits and a K/M/G... suffix with an
/// optional `iB` (1024) or `B` (1000).
fn parse_size(s: &[u8]) -> Result<u64, &'static str> {
    const INVALID: &str = "Invalid argument";
    const RANGE: &str = "Numerical result out of range";
    let (radix, body) = if s.len() > 2 && s[0] == b'0' && (s[1] | 0x20) == b'x' {
        (16, &s[2..])
    } else if s.first() == Some(&b'0') && s.len() > 1 {
        (8, &s[1..])
    } else {
        (10, s)
    };
    let n = body.iter().take_while(|b| (**b as char).is_digit(radix)).count();
    if n == 0 && radix != 8 {
        return Err(INVALID);
    }
    let digits = std::str::from_utf8(&body[..n]).map_err(|_| INVALID)?;
    let v = if n == 0 {
        0
    } else {
        u64::from_str_radix(digits, radix).map_err(|_| RANGE)?
    };
    let suf = &body[n..];
    if suf.is_empty() {
        return Ok(v);
    }
    let power = match suf[0].to_ascii_uppercase() {
        b'K' => 1,
        b'M' => 2,
        b'G' => 3,
        b'T' => 4,
        b'P' => 5,
        b'E' => 6,
        b'Z' => 7,
        b'Y' => 8,
        _ => return Err(INVALID),
    };
    let base: u64 = match &suf[1..] {
        b"" | b"iB" => 1024,
        b"B" => 1000,
        _ => return Err(INVALID),
    };
    base.checked_pow(power)
        .and_then(|m| v.checked_mul(m))
        .ok_or(RANGE)
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let mut list: Vec<Fs> = Vec::new();
    let mut result = Ok(());
    if diag.name() == "hd" {
        for f in canned(b'C') {
            result = result.and_then(|_| add_fmt(f.as_bytes(), &mut list));
        }
    }
    let mut length = None;
    let mut skip = 0;
    let mut all = false;
    for (idx, val) in &m.found {
        let o = &OPTS[*idx];
        let v = val.as_deref().map(OsStr::as_bytes).unwrap_or(b"");
        match o.short {
            b'b' | b'c' | b'C' | b'd' | b'o' | b'x' => {
                for f in canned(o.short) {
                    result = result.and_then(|_| add_fmt(f.as_bytes(), &mut list));
                }
            }
            b'e' => result = result.and_then(|_| add_fmt(v, &mut list)),
            b'f' => match std::fs::read(OsStr::from_bytes(v)) {
                Ok(text) => {
                    for line in text.split(|&b| b == b'\n') {
                        let t = line.trim_ascii_start();
                        if t.is_empty() || t[0] == b'#' {
                            continue;
                        }
                        result = result.and_then(|_| add_fmt(t, &mut list));
                    }
                }
                Err(e) => {
                    diag.error(format_args!(
                        "can't read {}: {}",
                        String::from_utf8_lossy(v),
                        crate::diag::strerror(&e)
                    ));
                    return 1;
                }
            },
            b'n' | b's' => {
                let what = if o.short == b'n' { "length" } else { "offset" };
                match parse_size(v) {
                    Ok(n) if o.short == b'n' => length = Some(n),
                    Ok(n) => skip = n,
                    Err(why) => {
                        diag.error(format_args!(
                            "failed to parse {what}: '{}': {why}",
                            String::from_utf8_lossy(v)
                        ));
                        return 1;
                    }
                }
            }
            b'v' => all = true,
            b'L' => {
                diag.error("option -L (--color) is not supported");
                return 1;
            }
            _ => {}
        }
    }
    if list.is_empty() && result.is_ok() {
        for f in canned(0) {
            result = result.and_then(|_| add_fmt(f.as_bytes(), &mut list));
        }
    }
    let mut blocksize = 0;
    for fs in &mut list {
        fs.bcnt = block_size(fs);
        blocksize = blocksize.max(fs.bcnt);
    }
    if result.is_ok() {
        for fs in &mut list {
            result = rewrite(fs, blocksize);
            if result.is_err() {
                break;
            }
        }
    }
    if let Err(e) = result {
        diag.error(e);
        return 1;
    }
    let mut input = Input {
        names: &m.operands,
        next: 0,
        fd: None,
        opened_any: false,
        stdin_done: false,
        skip,
        length,
        address: 0,
        failed: false,
    };
    let mut out = Out::stdout();
    if blocksize > 0 {
        display(&list, blocksize, all, &mut input, &mut diag, &mut out);
    }
    if input.failed {
        diag.fail(1);
    }
    out.close(&diag)
}

fn display(list: &[Fs], blocksize: usize, all: bool, input: &mut Input, diag: &mut Diag, out: &mut Out) {
    // Slack after the block: a conversion may read past its end, as in C.
    let slack = list
        .iter()
        .flat_map(|fs| fs.fus.iter())
        .flat_map(|fu| fu.prs.iter())
        .map(|pr| pr.bcnt)
        .max()
        .unwrap_or(0);
    let mut cur = vec![0u8; blocksize + slack];
    let mut prev = vec![0u8; blocksize];
    let mut first = true;
    let mut starred = false;
    let mut eaddress: Option<u64> = None;
    let mut line = Vec::new();
    // The offset of the block being read.
    let mut address;
    loop {
        if !input.opened_any && input.fd.is_none() && !input.open_next(diag) {
            address = input.address;
            break;
        }
        address = input.address;
        let n = input.fill(&mut cur[..blocksize], diag);
        if n == 0 {
            break;
        }
        input.address += n as u64;
        if n < blocksize {
            cur[n..].fill(0);
            eaddress = Some(address + n as u64);
        } else {
            cur[blocksize..].fill(0);
            if !all && !first && cur[..blocksize] == prev[..] {
                if !starred {
                    out.write_bytes(b"*\n");
                    starred = true;
                }
                continue;
            }
            starred = false;
        }
        first = false;
        line.clear();
        for fs in list {
            let mut addr = address;
            let mut bp = 0usize;
            let mut rem = blocksize as isize;
            'units: for fu in &fs.fus {
                if fu.end {
                    break;
                }
                let mut cnt = fu.reps;
                while cnt > 0 && rem >= 0 {
                    for pr in &fu.prs {
                        let blank = eaddress.is_some_and(|e| addr >= e) && pr.conv != Conv::Text;
                        print(pr, &cur[bp.min(blocksize)..], addr, blank, cnt == 1, &mut line);
                        addr += pr.bcnt as u64;
                        rem -= pr.bcnt as isize;
                        if rem < 0 {
                            break;
                        }
                        bp += pr.bcnt;
                    }
                    cnt -= 1;
                }
                if rem < 0 {
                    break 'units;
                }
            }
        }
        out.write_bytes(&line);
        if n < blocksize || !out.ok() {
            address = input.address;
            break;
        }
        prev.copy_from_slice(&cur[..blocksize]);
    }
    let end_fu = list.iter().flat_map(|fs| fs.fus.iter()).rfind(|fu| fu.end);
    if let Some(fu) = end_fu {
        let e = match eaddress {
            Some(e) => e,
            None if address == 0 => return,
            None => address,
        };
        line.clear();
        for pr in &fu.prs {
            match pr.conv {
                Conv::Text => line.extend_from_slice(&pr.text),
                Conv::Addr(r) => {
                    line.extend_from_slice(&pr.text);
                    cfmt(&mut line, &pr.spec, r, Arg::U(e));
                }
                _ => {}
            }
        }
        out.write_bytes(&line);
    }
}
