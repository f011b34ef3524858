//! xxd: make a hex dump, or turn one back into bytes, as vim's xxd
//! (2022-01-14) does.
//!
//! Dumps: the default lines of grouped hex with an offset and a text
//! column (`-g` bytes per group, `-c` bytes per line, `-u` capitals, `-d`
//! decimal offsets, `-o` added to them, `-E` EBCDIC text), `-b` bits,
//! `-e` little-endian groups, `-p` plain hex, `-i` a C array named after
//! the input file (`-n` names it, `-C` in capitals). `-s [+][-]N` starts
//! at N (from the current position with `+`, from the end with `-`),
//! `-l N` stops after N bytes, `-a` shows runs of zero lines as `*`.
//!
//! `-r` reads a dump back: each line's offset says where its bytes go
//! (`-s` is added to it), a gap is skipped by seeking the output (or
//! filled with zeros on a pipe), and an output file is patched, not
//! truncated; `-r -p` reads plain hex, ignoring white space.
//!
//! Options are xxd's own: one per argument, matched by prefix (`-ps`,
//! `-cols 8`, `-len`, `--seek`), values attached or next, numbers as C's
//! `strtol` reads them (`0x10`, `010`), all before `[INFILE [OUTFILE]]`.
//! Where xxd's layout formulas put digits of a group over the text
//! column (`-e` with a width that is not a multiple of the group), this
//! does the same. Unlike xxd, `-h` prints the help on stdout with status
//! 0, and errors end with status 1 except xxd's own 2 (input), 3
//! (output), 4 (seek) and 5 (seek backwards).

use crate::diag;
use crate::io::{read_fd, Out};
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::io::{AsRawFd, RawFd};

pub const APPLET: Applet = Applet {
    name: "xxd",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-aCdEeiprubh] [-c COLS] [-g BYTES] [-l LEN] [-n NAME] [-o OFF] [-s [+][-]SEEK] [INFILE [OUTFILE]]",
    help: "Hex dump INFILE (standard input for none or -) to OUTFILE, or -r: back.\n\
\n\
\t-a\tToggle autoskip: a single * replaces runs of zero lines\n\
\t-b\tBits, not hex\n\
\t-C\tCapitalize the variable names of -i\n\
\t-c COLS\tBytes per line (default 16; -b 6, -i 12, -p 30, -p -c 0: one line)\n\
\t-d\tDecimal offsets\n\
\t-E\tThe text column in EBCDIC\n\
\t-e\tLittle-endian groups\n\
\t-g BYTES\tBytes per group (default 2; -b 1, -e 4)\n\
\t-i\tC include file\n\
\t-l LEN\tStop after LEN bytes\n\
\t-n NAME\tThe variable name of -i\n\
\t-o OFF\tAdd OFF to the offsets shown\n\
\t-p\tPlain hex (-ps)\n\
\t-r\tRevert a dump (with -p: plain hex) to bytes; -s OFF is added\n\
\t-s [+][-]SEEK\tStart at SEEK (+: from here, -: from the end)\n\
\t-u\tCapital hex digits\n\
\t-v\tVersion",
    help_option: false,
    main,
};

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    Normal,
    Bits,
    Little,
    Plain,
    Include,
}

struct Opts {
    kind: Kind,
    autoskip: bool,
    capitalize: bool,
    decimal: bool,
    revert: bool,
    ebcdic: bool,
    upper: bool,
    cols: Option<i64>,
    group: Option<i64>,
    len: i64,
    name: Option<Vec<u8>>,
    display_off: i64,
    /// `-s`: (relative, from the end, amount).
    seek: Option<(bool, bool, i64)>,
}

/// A failure with xxd's exit status; the message is printed already.
struct Exit(i32);

/// C's `strtol(s, NULL, 0)`: leading blanks, a sign, `0x` hex, `0`
/// octal, as many digits as there are; nothing is 0.
fn strtol(s: &[u8]) -> i64 {
    let mut i = 0;
    while i < s.len() && s[i].is_ascii_whitespace() {
        i += 1;
    }
    let mut neg = false;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        neg = s[i] == b'-';
        i += 1;
    }
    let mut base = 10;
    if s[i..].starts_with(b"0x") || s[i..].starts_with(b"0X") {
        if s.get(i + 2).is_some_and(u8::is_ascii_hexdigit) {
            base = 16;
            i += 2;
        }
    } else if s.get(i) == Some(&b'0') {
        base = 8;
    }
    let mut v: i64 = 0;
    while let Some(d) = s.get(i).and_then(|&c| (c as char).to_digit(base)) {
        v = v.saturating_mul(i64::from(base)).saturating_add(i64::from(d));
        i += 1;
    }
    if neg {
        -v
    } else {
        v
    }
}

fn usage_error(msg: impl std::fmt::Display) -> Exit {
    let mut text = format!("xxd: {msg}\n").into_bytes();
    text.extend_from_slice(crate::args::usage_line(&APPLET, "xxd").as_bytes());
    diag::write_stderr(&text);
    Exit(1)
}

fn fail(code: i32, msg: impl std::fmt::Display) -> Exit {
    diag::write_stderr(format!("xxd: {msg}\n").as_bytes());
    Exit(code)
}

fn fail_at(code: i32, what: &OsStr, e: &io::Error) -> Exit {
    let mut m = b"xxd: ".to_vec();
    m.extend_from_slice(what.as_bytes());
    m.extend_from_slice(format!(": {}\n", diag::strerror(e)).as_bytes());
    diag::write_stderr(&m);
    Exit(code)
}

/// Parses the options xxd's way; gives them and the operands.
fn parse(args: &[OsString]) -> Result<(Opts, Vec<OsString>), Exit> {
    let mut o = Opts {
        kind: Kind::Normal,
        autoskip: false,
        capitalize: false,
        decimal: false,
        revert: false,
        ebcdic: false,
        upper: false,
        cols: None,
        group: None,
        len: -1,
        name: None,
        display_off: 0,
        seek: None,
    };
    let mut i = 1;
    while i < args.len() {
        let arg = args[i].as_bytes();
        // `--name` is `-name`; `--` alone ends the options.
        let pp = if arg.starts_with(b"--") && arg.len() > 2 {
            &arg[1..]
        } else {
            arg
        };
        if pp == b"--" {
            i += 1;
            break;
        }
        if pp.len() < 2 || pp[0] != b'-' {
            break;
        }
        // The value of an option: attached, unless the rest spells the
        // long name, else the next argument.
        let mut value = |longs: &[&[u8]]| -> Result<Vec<u8>, Exit> {
            let rest = &pp[2..];
            if !rest.is_empty() && !longs.iter().any(|l| rest.starts_with(l)) {
                return Ok(rest.to_vec());
            }
            i += 1;
            match args.get(i) {
                Some(v) => Ok(v.as_bytes().to_vec()),
                None => Err(usage_error(format_args!(
                    "option requires an argument -- '{}'",
                    pp[1] as char
                ))),
            }
        };
        match pp[1] {
            b'a' => o.autoskip = !o.autoskip,
            b'b' => o.kind = Kind::Bits,
            b'e' => o.kind = Kind::Little,
            b'u' => o.upper = true,
            b'p' => o.kind = Kind::Plain,
            b'i' => o.kind = Kind::Include,
            b'C' => o.capitalize = true,
            b'd' => o.decimal = true,
            b'r' => o.revert = true,
            b'E' => o.ebcdic = true,
            b'v' => {
                diag::write_stderr(b"xxd (oxbox), after xxd 2022-01-14 by Juergen Weigert et al.\n");
                return Err(Exit(0));
            }
            b'h' => {
                let mut out = Out::stdout();
                crate::args::help(&APPLET, "xxd", &mut out);
                return Err(Exit(out.finish("xxd", 0)));
            }
            b'c' => o.cols = Some(strtol(&value(&[b"ols"])?)),
            b'g' => o.group = Some(strtol(&value(&[b"roup"])?)),
            b'l' => o.len = strtol(&value(&[b"en"])?),
            b'o' => o.display_off = strtol(&value(&[b"ffset"])?),
            b'n' => o.name = Some(value(&[b"ame"])?),
            b's' => {
                let v = value(&[b"eek", b"kip"])?;
                let mut v = &v[..];
                let rel = v.first() == Some(&b'+');
                if rel {
                    v = &v[1..];
                }
                let neg = v.first() == Some(&b'-');
                if neg {
                    v = &v[1..];
                }
                o.seek = Some((rel, neg, strtol(v)));
            }
            _ => {
                return Err(usage_error(format_args!(
                    "invalid option '{}'",
                    String::from_utf8_lossy(arg)
                )))
            }
        }
        i += 1;
    }
    let ops = args[i.min(args.len())..].to_vec();
    if ops.len() > 2 {
        return Err(usage_error(format_args!(
            "extra operand '{}'",
            ops[2].to_string_lossy()
        )));
    }
    Ok((o, ops))
}

/// Input read in big blocks, a byte at a time.
struct Reader<'a> {
    fd: RawFd,
    name: &'a OsStr,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
}

impl Reader<'_> {
    /// The buffered bytes, at most `max` (none at the end of the input);
    /// they count as read.
    fn chunk(&mut self, max: i64) -> Result<&[u8], Exit> {
        if self.pos == self.end {
            match read_fd(self.fd, &mut self.buf) {
                Ok(n) => {
                    self.pos = 0;
                    self.end = n;
                }
                Err(e) => return Err(fail_at(2, self.name, &e)),
            }
        }
        let start = self.pos;
        let n = if max < 0 {
            self.end - start
        } else {
            (self.end - start).min(usize::try_from(max).unwrap_or(usize::MAX))
        };
        self.pos += n;
        Ok(&self.buf[start..start + n])
    }

    fn get(&mut self) -> Result<Option<u8>, Exit> {
        if self.pos == self.end {
            match read_fd(self.fd, &mut self.buf) {
                Ok(0) => return Ok(None),
                Ok(n) => {
                    self.pos = 0;
                    self.end = n;
                }
                Err(e) => return Err(fail_at(2, self.name, &e)),
            }
        }
        self.pos += 1;
        Ok(Some(self.buf[self.pos - 1]))
    }
}

fn main(args: &[OsString]) -> i32 {
    match run(args) {
        Ok(status) => status,
        Err(Exit(code)) => code,
    }
}

fn run(args: &[OsString]) -> Result<i32, Exit> {
    let (mut o, ops) = parse(args)?;
    let cols = match o.cols {
        Some(c) if c != 0 || o.kind == Kind::Plain => c,
        _ => match o.kind {
            Kind::Normal | Kind::Little => 16,
            Kind::Bits => 6,
            Kind::Plain => 30,
            Kind::Include => 12,
        },
    };
    let wide = matches!(o.kind, Kind::Normal | Kind::Bits | Kind::Little);
    if cols < 0 || (o.kind != Kind::Plain && cols < 1) || (wide && cols > 256) {
        return Err(fail(1, "invalid number of columns (max. 256)."));
    }
    let mut group = match o.group {
        Some(g) if g >= 0 => g,
        _ => match o.kind {
            Kind::Bits => 1,
            Kind::Little => 4,
            _ => 2,
        },
    };
    // The power of two is checked before a group wider than the line
    // shrinks to it, as xxd does (`-e -c 3` is fine).
    if o.kind == Kind::Little && !o.revert && group > 0 && (group & (group - 1)) != 0 {
        return Err(fail(
            1,
            "number of octets per group must be a power of 2 with -e.",
        ));
    }
    if group < 1 || group > cols {
        group = cols;
    }
    if o.revert && !matches!(o.kind, Kind::Normal | Kind::Plain) {
        return Err(fail(1, "Sorry, cannot revert this type of hexdump"));
    }
    let infile = ops.first().filter(|n| n.as_bytes() != b"-");
    let outfile = ops.get(1).filter(|n| n.as_bytes() != b"-");
    let input = match infile {
        None => None,
        Some(n) => match File::open(n) {
            Ok(f) => match f.metadata() {
                Ok(md) if md.is_dir() => {
                    return Err(fail_at(2, n, &io::Error::from_raw_os_error(libc::EISDIR)))
                }
                _ => Some(f),
            },
            Err(e) => return Err(fail_at(2, n, &e)),
        },
    };
    let output = match outfile {
        None => None,
        Some(n) => {
            let mut oo = OpenOptions::new();
            oo.write(true).create(true);
            if !o.revert {
                oo.truncate(true);
            }
            match oo.open(n) {
                Ok(f) => Some(f),
                Err(e) => return Err(fail_at(3, n, &e)),
            }
        }
    };
    let in_fd = input.as_ref().map_or(0, |f| f.as_raw_fd());
    let out_fd = output.as_ref().map_or(1, |f| f.as_raw_fd());
    let in_name: &OsStr = infile.map_or(OsStr::new("-"), |n| n.as_os_str());
    let mut r = Reader {
        fd: in_fd,
        name: in_name,
        buf: vec![0; 64 * 1024],
        pos: 0,
        end: 0,
    };
    let mut out = Out::to_fd(out_fd);
    if o.revert {
        let base = o.seek.map_or(0, |(_, neg, n)| if neg { -n } else { n });
        revert(&mut r, &mut out, out_fd, o.kind == Kind::Plain, cols, base)?;
        return Ok(out.finish("xxd", 0));
    }
    let mut start = 0i64;
    if let Some((rel, neg, n)) = o.seek {
        start = seek(&mut r, rel, neg, n)?;
    }
    let hex: &[u8; 16] = if o.upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    match o.kind {
        Kind::Plain => plain(&mut r, &mut out, hex, cols, o.len)?,
        Kind::Include => {
            // A name comes from -n, else from a named input file.
            if o.name.is_none() {
                o.name = infile.map(|n| n.as_bytes().to_vec());
            }
            include(&mut r, &mut out, &o, cols, o.upper)?;
        }
        _ => {
            let d = Layout {
                kind: o.kind,
                cols: cols as usize,
                group: group as usize,
                hex,
                decimal: o.decimal,
                ebcdic: o.ebcdic,
                autoskip: o.autoskip,
            };
            dump(&mut r, &mut out, &d, start.wrapping_add(o.display_off), o.len)?;
        }
    }
    Ok(out.finish("xxd", 0))
}

/// Moves the input to where `-s` says; gives the offset shown for the
/// first byte.
fn seek(r: &mut Reader, rel: bool, neg: bool, n: i64) -> Result<i64, Exit> {
    let whence = if rel {
        libc::SEEK_CUR
    } else if neg {
        libc::SEEK_END
    } else {
        libc::SEEK_SET
    };
    let delta = if neg { -n } else { n };
    // SAFETY: lseek on a descriptor we hold; failure is reported as -1.
    let pos = unsafe { libc::lseek(r.fd, delta as libc::off_t, whence) };
    if pos >= 0 {
        return Ok(pos);
    }
    if neg {
        return Err(fail(4, "Sorry, cannot seek."));
    }
    for _ in 0..n.max(0) {
        if r.get()?.is_none() {
            return Err(fail(4, "Sorry, cannot seek."));
        }
    }
    Ok(n)
}

fn plain(r: &mut Reader, out: &mut Out, hex: &[u8; 16], cols: i64, len: i64) -> Result<(), Exit> {
    let mut line = Vec::with_capacity(256);
    let mut n = 0i64;
    let mut p = cols;
    while len < 0 || n < len {
        let Some(b) = r.get()? else { break };
        line.push(hex[(b >> 4) as usize]);
        line.push(hex[(b & 15) as usize]);
        n += 1;
        if cols > 0 {
            p -= 1;
            if p == 0 {
                line.push(b'\n');
                p = cols;
            }
        }
        if line.len() >= 4096 {
            out.write_bytes(&line);
            line.clear();
        }
    }
    if cols == 0 || p < cols {
        line.push(b'\n');
    }
    out.write_bytes(&line);
    Ok(())
}

fn include(r: &mut Reader, out: &mut Out, o: &Opts, cols: i64, upper: bool) -> Result<(), Exit> {
    let name = o.name.as_ref().map(|n| {
        let mut v = Vec::with_capacity(n.len() + 2);
        if n.first().is_some_and(u8::is_ascii_digit) {
            v.extend_from_slice(b"__");
        }
        for &c in n {
            v.push(if !c.is_ascii_alphanumeric() {
                b'_'
            } else if o.capitalize {
                c.to_ascii_uppercase()
            } else {
                c
            });
        }
        v
    });
    let mut text = Vec::with_capacity(8192);
    if let Some(name) = &name {
        text.extend_from_slice(b"unsigned char ");
        text.extend_from_slice(name);
        text.extend_from_slice(b"[] = {\n");
    }
    let hex: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut p = 0i64;
    while o.len < 0 || p < o.len {
        let Some(b) = r.get()? else { break };
        text.extend_from_slice(if p % cols != 0 {
            b", "
        } else if p == 0 {
            b"  "
        } else {
            b",\n  "
        });
        text.extend_from_slice(if upper { b"0X" } else { b"0x" });
        text.push(hex[(b >> 4) as usize]);
        text.push(hex[(b & 15) as usize]);
        p += 1;
        if text.len() >= 4096 {
            out.write_bytes(&text);
            text.clear();
        }
    }
    if p > 0 {
        text.push(b'\n');
    }
    if let Some(name) = &name {
        text.extend_from_slice(b"};\nunsigned int ");
        text.extend_from_slice(name);
        text.extend_from_slice(if o.capitalize { b"_LEN" } else { b"_len" });
        text.extend_from_slice(format!(" = {p};\n").as_bytes());
    }
    out.write_bytes(&text);
    Ok(())
}

/// The shape of a dump line.
struct Layout {
    kind: Kind,
    cols: usize,
    group: usize,
    hex: &'static [u8; 16],
    decimal: bool,
    ebcdic: bool,
    autoskip: bool,
}

/// The EBCDIC (code page 37) characters of bytes 64..=255 as xxd shows
/// them; bytes below 64 show as `.`.
const EBCDIC: &[u8; 192] = b" ...........<(+|&.........!$*);~-/.........,%_>?.........`:#@'=\".abcdefghi.......jklmnopqr^.......stuvwxyz...[...............]..{ABCDEFGHI......}JKLMNOPQR......\\.STUVWXYZ......0123456789......";

/// `-a`: the first line of zeros is shown; a second alone is shown when
/// the run ends; a longer run becomes `*`. The last line of the input is
/// always shown.
struct Skipper {
    zeros: u32,
    saved: Vec<u8>,
}

impl Skipper {
    /// One full line; `zero` if all its bytes are.
    fn line(&mut self, out: &mut Out, line: &[u8], zero: bool) {
        if zero {
            self.zeros += 1;
            match self.zeros {
                1 => out.write_bytes(line),
                2 => {
                    self.saved.clear();
                    self.saved.extend_from_slice(line);
                }
                _ => {}
            }
            return;
        }
        self.flush_run(out, self.zeros + 1);
        self.zeros = 0;
        out.write_bytes(line);
    }

    /// `run` is the zero count plus one for the line that ends it.
    fn flush_run(&mut self, out: &mut Out, run: u32) {
        match run {
            0..=2 => {}
            3 => out.write_bytes(&self.saved),
            _ => out.write_bytes(b"*\n"),
        }
    }

    /// The input ended on a whole line, `last`.
    fn end(&mut self, out: &mut Out, last: &[u8]) {
        if self.zeros >= 2 {
            self.flush_run(out, self.zeros);
            out.write_bytes(last);
        }
    }
}

/// Writes `off` as xxd's `%08lx` or `%08ld` into `to`; gives the length.
fn address(off: i64, decimal: bool, to: &mut [u8]) -> usize {
    let mut digits = [0u8; 24];
    let mut k = digits.len();
    let (mut v, base, neg) = if decimal {
        (off.unsigned_abs(), 10, off < 0)
    } else {
        (off as u64, 16, false)
    };
    loop {
        k -= 1;
        digits[k] = b"0123456789abcdef"[(v % base) as usize];
        v /= base;
        if v == 0 {
            break;
        }
    }
    let body = digits.len() - k;
    let width = if neg { 7 } else { 8 };
    let mut i = 0;
    if neg {
        to[0] = b'-';
        i = 1;
    }
    for _ in body..width {
        to[i] = b'0';
        i += 1;
    }
    to[i..i + body].copy_from_slice(&digits[k..]);
    i += body;
    to[i] = b':';
    i + 1
}

fn dump(r: &mut Reader, out: &mut Out, d: &Layout, first: i64, len: i64) -> Result<(), Exit> {
    let cols = d.cols;
    let g = d.group;
    let bits = d.kind == Kind::Bits;
    let grplen = g * if bits { 8 } else { 2 } + 1;
    let mut line = vec![b' '; 32 + cols * 10 + cols];
    // Where byte p of a line goes, after an address of 9 characters (a
    // longer one shifts everything by the difference).
    let hexpos: Vec<usize> = (0..cols)
        .map(|p| {
            let x = if d.kind == Kind::Little { p ^ (g - 1) } else { p };
            10 + (grplen * x) / g
        })
        .collect();
    let text = 12 + (grplen * cols - 1) / g;
    let mut skip = Skipper {
        zeros: 0,
        saved: Vec::new(),
    };
    let mut shift = 0usize;
    let mut p = 0usize;
    let mut c = 0usize;
    let mut n = 0i64;
    let mut nonzero = false;
    let hex = d.hex;
    loop {
        let chunk = r.chunk(if len < 0 { -1 } else { len - n })?;
        if chunk.is_empty() {
            break;
        }
        for &e in chunk {
            if p == 0 {
                line.fill(b' ');
                let a = address(first.wrapping_add(n), d.decimal, &mut line);
                shift = a - 9;
            }
            let h = hexpos[p] + shift;
            if bits {
                for i in 0..8 {
                    line[h + i] = b'0' + ((e >> (7 - i)) & 1);
                }
            } else {
                line[h] = hex[(e >> 4) as usize];
                line[h + 1] = hex[(e & 15) as usize];
            }
            nonzero |= e != 0;
            c = text + shift + p;
            line[c] = if d.ebcdic {
                if e < 64 {
                    b'.'
                } else {
                    EBCDIC[(e - 64) as usize]
                }
            } else if (32..127).contains(&e) {
                e
            } else {
                b'.'
            };
            c += 1;
            n += 1;
            p += 1;
            if p == cols {
                line[c] = b'\n';
                if d.autoskip {
                    skip.line(out, &line[..=c], !nonzero);
                } else {
                    out.write_bytes(&line[..=c]);
                }
                nonzero = false;
                p = 0;
            }
        }
    }
    if p > 0 {
        line[c] = b'\n';
        if d.autoskip {
            skip.line(out, &line[..=c], false);
        } else {
            out.write_bytes(&line[..=c]);
        }
    } else if d.autoskip {
        skip.end(out, &line[..=c]);
    }
    Ok(())
}

/// The value of a hex digit.
fn hexval(c: u8) -> i32 {
    match c {
        b'0'..=b'9' => i32::from(c - b'0'),
        b'a'..=b'f' => i32::from(c - b'a' + 10),
        b'A'..=b'F' => i32::from(c - b'A' + 10),
        _ => -1,
    }
}

/// `-r`: hex pairs back to bytes. In a normal dump a line is an offset,
/// a non-hex byte, then up to `cols` pairs; after that, or after two
/// non-hex bytes in a row following a pair, the rest of the line is text.
fn revert(
    r: &mut Reader,
    out: &mut Out,
    fd: RawFd,
    plain: bool,
    cols: i64,
    base: i64,
) -> Result<(), Exit> {
    let (mut n1, mut n2) = (-1i32, 0i32);
    let mut garbage = true;
    // Skipping the rest of a line.
    let mut to_eol = false;
    let mut p = cols;
    let (mut have, mut want) = (0i64, 0i64);
    let mut bytes: Vec<u8> = Vec::with_capacity(64 * 1024);
    loop {
        let chunk = r.chunk(-1)?;
        if chunk.is_empty() {
            break;
        }
        for &c in chunk {
            if to_eol {
                if c != b'\n' {
                    continue;
                }
                to_eol = false;
            } else {
                if c == b'\r' || (plain && matches!(c, b' ' | b'\n' | b'\t')) {
                    continue;
                }
                let n3 = n2;
                n2 = n1;
                n1 = hexval(c);
                if n1 < 0 && garbage {
                    continue;
                }
                garbage = false;
                if !plain && p >= cols {
                    if n1 < 0 {
                        p = 0;
                    } else {
                        want = (want << 4) | i64::from(n1);
                    }
                    continue;
                }
                let target = base.wrapping_add(want);
                if target != have {
                    out.write_bytes(&bytes);
                    bytes.clear();
                    if !out.flush_now() {
                        return Ok(());
                    }
                    // SAFETY: lseek on the output descriptor; -1 on failure.
                    let delta = target.wrapping_sub(have) as libc::off_t;
                    if unsafe { libc::lseek(fd, delta, libc::SEEK_CUR) } >= 0 {
                        have = target;
                    }
                    if target < have {
                        return Err(fail(5, "Sorry, cannot seek backwards."));
                    }
                    while have < target {
                        let k = (target - have).min(4096) as usize;
                        out.write_bytes(&[0u8; 4096][..k]);
                        have += k as i64;
                    }
                }
                if n2 >= 0 && n1 >= 0 {
                    bytes.push(((n2 << 4) | n1) as u8);
                    if bytes.len() == bytes.capacity() {
                        out.write_bytes(&bytes);
                        bytes.clear();
                    }
                    have += 1;
                    want += 1;
                    n1 = -1;
                    if !plain {
                        p += 1;
                        if p >= cols {
                            to_eol = c != b'\n';
                        }
                    }
                } else if n1 < 0 && n2 < 0 && n3 < 0 {
                    to_eol = c != b'\n';
                }
                if to_eol {
                    continue;
                }
                if c != b'\n' {
                    continue;
                }
            }
            // The end of a line.
            if !plain {
                want = 0;
            }
            p = cols;
            garbage = true;
        }
    }
    out.write_bytes(&bytes);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_numbers() {
        assert_eq!(strtol(b"10"), 10);
        assert_eq!(strtol(b"0x10"), 16);
        assert_eq!(strtol(b"010"), 8);
        assert_eq!(strtol(b" -3junk"), -3);
        assert_eq!(strtol(b"x"), 0);
        assert_eq!(strtol(b"0x"), 0);
        assert_eq!(strtol(b""), 0);
        assert_eq!(strtol(b"09"), 0);
    }
}
