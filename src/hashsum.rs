//! The `md5sum`/`sha*sum` family: printing and checking digests as GNU
//! does. Each applet supplies its algorithm as a [`Spec`]; the hashing
//! itself is the RustCrypto crates', built at full optimisation.
//!
//! Output is `HEX  NAME` (`HEX *NAME` with `-b`, `ALGO (NAME) = HEX` with
//! `--tag`); a name holding a backslash, newline or carriage return is
//! escaped and the line starts with `\`, unless `-z` ends lines with NUL.
//! `-c` (which, as in GNU 9.1, refuses `-z`) reads both line forms and reports `NAME: OK` / `NAME: FAILED` /
//! `NAME: FAILED open or read`, then GNU's closing warnings; `--quiet`,
//! `--status`, `--strict`, `-w` and `--ignore-missing` as GNU.
//!
//! Beyond the fixed-length members, an [`Engine`] runs BLAKE2b of any
//! length (`b2sum -l`, `cksum -a blake2b -l`: tag `BLAKE2b-BITS`, and a
//! check line's own length rules) and `cksum -c` without `-a`, where each
//! tagged line names its algorithm. Lines naming `-` are improperly
//! formatted when the list itself is standard input, as in GNU.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::{read_fd, Out};
use crate::Applet;
use std::ffi::{OsStr, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::io::AsRawFd;

/// A running digest.
pub trait Sum {
    fn update(&mut self, data: &[u8]);
    fn finish(self: Box<Self>) -> Vec<u8>;
}

/// An algorithm: its tag name (`MD5`, `SHA256`), digest length in bytes
/// and constructor.
pub struct Spec {
    pub tag: &'static str,
    pub bytes: usize,
    pub new: fn() -> Box<dyn Sum>,
}

pub const OPTS: &[Opt] = &[
    Opt::flag('b', "binary"),
    Opt::flag('t', "text"),
    Opt::flag('c', "check"),
    Opt::flag('\0', "tag"),
    Opt::flag('z', "zero"),
    Opt::flag('\0', "quiet"),
    Opt::flag('\0', "status"),
    Opt::flag('\0', "strict"),
    Opt::flag('w', "warn"),
    Opt::flag('\0', "ignore-missing"),
];

/// [`OPTS`] and `-l BITS`, for `b2sum`.
pub const OPTS_LEN: &[Opt] = &[
    Opt::flag('b', "binary"),
    Opt::flag('t', "text"),
    Opt::flag('c', "check"),
    Opt::flag('\0', "tag"),
    Opt::flag('z', "zero"),
    Opt::flag('\0', "quiet"),
    Opt::flag('\0', "status"),
    Opt::flag('\0', "strict"),
    Opt::flag('w', "warn"),
    Opt::flag('\0', "ignore-missing"),
    Opt::value('l', "length"),
];

/// [`OPTS`] and cksum's `--base64` and `--raw` (coreutils 9.2+).
pub const OPTS_CKSUM: &[Opt] = &[
    Opt::flag('b', "binary"),
    Opt::flag('t', "text"),
    Opt::flag('c', "check"),
    Opt::flag('\0', "tag"),
    Opt::flag('z', "zero"),
    Opt::flag('\0', "quiet"),
    Opt::flag('\0', "status"),
    Opt::flag('\0', "strict"),
    Opt::flag('w', "warn"),
    Opt::flag('\0', "ignore-missing"),
    Opt::flag('\0', "base64"),
    Opt::flag('\0', "raw"),
];

/// A digest in base64 (RFC 4648, padded), as `cksum --base64` prints it.
pub fn base64(d: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(d.len().div_ceil(3) * 4);
    let mut e = crate::baseenc::Encoder::new(crate::baseenc::BASE64, 0);
    e.feed(d, &mut v);
    e.finish(&mut v);
    v
}

/// Strict base64: whole groups of four, padding only as the length
/// needs, no stray bits (so only the string `base64` gives is read).
fn unbase64(s: &[u8]) -> Option<Vec<u8>> {
    if s.is_empty() || !s.len().is_multiple_of(4) {
        return None;
    }
    let pad = s.iter().rev().take_while(|&&c| c == b'=').count();
    if pad > 2 {
        return None;
    }
    let body = &s[..s.len() - pad];
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &c in body {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = acc << 6 | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (acc == 0 && base64(&out) == s).then_some(out)
}

/// How an algorithm's hasher is made: a fixed digest, or one whose length
/// in bytes is a parameter (BLAKE2b).
#[derive(Clone, Copy)]
pub enum Make {
    Fixed(fn() -> Box<dyn Sum>),
    Sized(fn(usize) -> Box<dyn Sum>),
}

/// An algorithm as the engine runs it: a [`Spec`], or BLAKE2b cut to
/// `bytes` of its `max`.
#[derive(Clone, Copy)]
pub struct Algo {
    pub tag: &'static str,
    pub bytes: usize,
    pub max: usize,
    pub make: Make,
}

impl Algo {
    pub const fn of(spec: &Spec) -> Algo {
        Algo {
            tag: spec.tag,
            bytes: spec.bytes,
            max: spec.bytes,
            make: Make::Fixed(spec.new),
        }
    }

    /// The same algorithm giving `bytes` bytes (for a sized one).
    pub const fn with_bytes(self, bytes: usize) -> Algo {
        Algo { bytes, ..self }
    }

    fn start(&self) -> Box<dyn Sum> {
        match self.make {
            Make::Fixed(f) => f(),
            Make::Sized(f) => f(self.bytes),
        }
    }

    fn sized(&self) -> bool {
        matches!(self.make, Make::Sized(_))
    }

    /// `BLAKE2b`, or `BLAKE2b-256` when cut.
    fn push_tag(&self, v: &mut Vec<u8>) {
        v.extend_from_slice(self.tag.as_bytes());
        if self.sized() && self.bytes != self.max {
            v.extend_from_slice(format!("-{}", self.bytes * 8).as_bytes());
        }
    }
}

#[cfg(any(feature = "b2sum", feature = "cksum"))]
impl Sum for crate::blake2b::Blake2b {
    fn update(&mut self, data: &[u8]) {
        crate::blake2b::Blake2b::update(self, data);
    }
    fn finish(self: Box<Self>) -> Vec<u8> {
        (*self).finalize()
    }
}

/// BLAKE2b, 512 bits unless cut with [`Algo::with_bytes`].
#[cfg(any(feature = "b2sum", feature = "cksum"))]
pub const BLAKE2B: Algo = Algo {
    tag: "BLAKE2b",
    bytes: crate::blake2b::MAX_BYTES,
    max: crate::blake2b::MAX_BYTES,
    make: Make::Sized(|n| Box::new(crate::blake2b::Blake2b::new(n))),
};

#[cfg(feature = "cksum")]
impl Sum for crate::sm3::Sm3 {
    fn update(&mut self, data: &[u8]) {
        crate::sm3::Sm3::update(self, data);
    }
    fn finish(self: Box<Self>) -> Vec<u8> {
        (*self).finalize()
    }
}

#[cfg(feature = "cksum")]
pub const SM3: Algo = Algo {
    tag: "SM3",
    bytes: 32,
    max: 32,
    make: Make::Fixed(|| Box::new(crate::sm3::Sm3::new())),
};

/// What one applet asks of the engine.
pub struct Engine {
    /// The algorithm; `None` lets each tagged `-c` line name its own
    /// through `lookup` (GNU `cksum -c` without `-a`).
    pub algo: Option<Algo>,
    pub lookup: fn(&[u8]) -> Option<Algo>,
    /// GNU's `cksum` and `b2sum` read `TAG?(` and `TAG? (` where
    /// `md5sum` wants `TAG (` or `TAG(`, and take `HEX ` with an empty
    /// name.
    pub loose_tag: bool,
    /// `-l BITS` is an option (`b2sum`).
    pub length_opt: bool,
    /// cksum's `--base64` and `--raw`, and base64 digests in `-c` lists.
    pub cksum: bool,
}

/// A `-l BITS` value as bytes (0 is the whole length), or GNU's messages.
pub fn parse_length(v: &OsStr, max_bytes: usize, tag: &str) -> Result<usize, Vec<String>> {
    let raw = v.as_bytes();
    let invalid = format!("invalid length: {}", crate::quote::msg(raw));
    let t = raw.trim_ascii_start();
    let t = t.strip_prefix(b"+").unwrap_or(t);
    if t.is_empty() || !t.iter().all(u8::is_ascii_digit) {
        return Err(vec![invalid]);
    }
    let bits = std::str::from_utf8(t)
        .ok()
        .and_then(|s| s.parse::<u64>().ok());
    let Some(bits) = bits else {
        return Err(vec![invalid]);
    };
    if bits % 8 != 0 {
        return Err(vec![invalid, "length is not a multiple of 8".into()]);
    }
    if bits > (max_bytes * 8) as u64 {
        return Err(vec![
            invalid,
            format!(
                "maximum digest length for '{tag}' is {} bits",
                max_bytes * 8
            ),
        ]);
    }
    Ok(if bits == 0 {
        max_bytes
    } else {
        bits as usize / 8
    })
}

/// The help text of a member: `help!("MD5")`.
#[allow(unused_macros)]
macro_rules! help {
    ($tag:literal) => {
        concat!(
            "Print or check the ",
            $tag,
            " digests of FILEs (standard input for none or -).\n\n",
            "\t-b\tRead in binary mode (marks lines with *)\n",
            "\t-t\tRead in text mode (the default)\n",
            "\t-c\tCheck the sums listed in FILEs\n",
            "\t--tag\tBSD-style lines: ALGO (NAME) = HEX\n",
            "\t-z\tEnd lines with NUL, do not escape names\n",
            "With -c:\n",
            "\t--quiet\tDo not print OK lines\n",
            "\t--status\tPrint nothing; the exit status tells\n",
            "\t--strict\tFail on improperly formatted lines\n",
            "\t-w\tWarn about improperly formatted lines\n",
            "\t--ignore-missing\tDo not fail or report for missing files"
        )
    };
}
#[allow(unused_imports)]
pub(crate) use help;

fn hex(d: &[u8]) -> Vec<u8> {
    const H: &[u8; 16] = b"0123456789abcdef";
    let mut v = Vec::with_capacity(d.len() * 2);
    for &b in d {
        v.push(H[(b >> 4) as usize]);
        v.push(H[(b & 15) as usize]);
    }
    v
}

/// The digest of a file (`-` is stdin).
fn digest(spec: &Algo, name: &OsStr, buf: &mut [u8]) -> io::Result<Vec<u8>> {
    let file;
    let fd = if name == "-" {
        0
    } else {
        file = std::fs::File::open(name)?;
        file.as_raw_fd()
    };
    let mut s = spec.start();
    loop {
        let n = read_fd(fd, buf)?;
        if n == 0 {
            break;
        }
        s.update(&buf[..n]);
    }
    Ok(s.finish())
}

fn escape_name(name: &[u8]) -> (bool, Vec<u8>) {
    if !name.iter().any(|&b| b == b'\\' || b == b'\n' || b == b'\r') {
        return (false, name.to_vec());
    }
    let mut v = Vec::with_capacity(name.len() + 4);
    for &b in name {
        match b {
            b'\\' => v.extend_from_slice(b"\\\\"),
            b'\n' => v.extend_from_slice(b"\\n"),
            b'\r' => v.extend_from_slice(b"\\r"),
            _ => v.push(b),
        }
    }
    (true, v)
}

fn unescape_name(name: &[u8]) -> Option<Vec<u8>> {
    let mut v = Vec::with_capacity(name.len());
    let mut i = 0;
    while i < name.len() {
        if name[i] == b'\\' {
            match name.get(i + 1) {
                Some(b'\\') => v.push(b'\\'),
                Some(b'n') => v.push(b'\n'),
                Some(b'r') => v.push(b'\r'),
                _ => return None,
            }
            i += 2;
        } else {
            v.push(name[i]);
            i += 1;
        }
    }
    Some(v)
}

/// Runs one fixed-length member of the family.
pub fn run(applet: &'static Applet, args: &[OsString], spec: &Spec) -> i32 {
    let engine = Engine {
        algo: Some(Algo::of(spec)),
        lookup: |_| None,
        loose_tag: false,
        length_opt: false,
        cksum: false,
    };
    run_engine(applet, args, &engine)
}

/// Runs the family's options for `engine`.
pub fn run_engine(applet: &'static Applet, args: &[OsString], engine: &Engine) -> i32 {
    let opts = if engine.cksum {
        OPTS_CKSUM
    } else if engine.length_opt {
        OPTS_LEN
    } else {
        OPTS
    };
    let parser = Parser::new(applet, opts);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut algo = engine.algo;
    let length = if engine.length_opt {
        m.value("l")
    } else {
        None
    };
    if let (Some(a), Some(v)) = (algo.as_mut(), length) {
        match parse_length(v, a.max, a.tag) {
            Ok(n) => *a = a.with_bytes(n),
            Err(msgs) => {
                let mut d = Diag::new(args);
                for msg in msgs {
                    d.error(msg);
                }
                return d.status();
            }
        }
    }
    let check = m.has("c");
    if !check {
        for (key, long) in [
            ("quiet", "quiet"),
            ("status", "status"),
            ("strict", "strict"),
            ("w", "warn"),
            ("ignore-missing", "ignore-missing"),
        ] {
            if m.has(key) {
                return parser.usage_error(
                    args,
                    format_args!("the --{long} option is meaningful only when verifying checksums"),
                );
            }
        }
    } else if m.has("tag") {
        return parser.usage_error(
            args,
            "the --tag option is meaningless when verifying checksums",
        );
    } else if m.has("z") {
        return parser.usage_error(
            args,
            "the --zero option is not supported when verifying checksums",
        );
    }
    let mut diag = Diag::new(args);
    let mut out = Out::stdout();
    let dash = [OsString::from("-")];
    let ops = if m.operands.is_empty() {
        &dash[..]
    } else {
        &m.operands[..]
    };
    let mut buf = vec![0u8; 128 * 1024];
    if check {
        let mut c = Checker {
            quiet: m.has("quiet"),
            status: m.has("status"),
            strict: m.has("strict"),
            warn: m.has("w"),
            ignore_missing: m.has("ignore-missing"),
            algo,
            lookup: engine.lookup,
            loose_tag: engine.loose_tag,
            base64_ok: engine.cksum,
            current: "CRC",
        };
        for op in ops {
            c.check_file(op, &mut diag, &mut out, &mut buf);
        }
        let status = diag.status();
        return out.finish(diag.name(), status);
    }
    let Some(algo) = algo else {
        return parser.usage_error(args, "no algorithm");
    };
    let binary = m.last_of(&["b", "t"]) == Some("b");
    let tag = m.has("tag");
    let zero = m.has("z");
    let (raw, b64) = (
        engine.cksum && m.has("raw"),
        engine.cksum && m.has("base64"),
    );
    if raw && ops.len() > 1 {
        let mut d = Diag::new(args);
        d.error("the --raw option is not supported with multiple files");
        return d.status();
    }
    let mut line = Vec::new();
    for op in ops {
        match digest(&algo, op, &mut buf) {
            Ok(d) if raw => out.write_bytes(&d),
            Ok(d) => {
                let shown = if b64 { base64(&d) } else { hex(&d) };
                let (escaped, name) = if zero {
                    (false, op.as_bytes().to_vec())
                } else {
                    escape_name(op.as_bytes())
                };
                line.clear();
                if escaped {
                    line.push(b'\\');
                }
                if tag {
                    algo.push_tag(&mut line);
                    line.extend_from_slice(b" (");
                    line.extend_from_slice(&name);
                    line.extend_from_slice(b") = ");
                    line.extend_from_slice(&shown);
                } else {
                    line.extend_from_slice(&shown);
                    line.extend_from_slice(if binary { b" *" } else { b"  " });
                    line.extend_from_slice(&name);
                }
                line.push(if zero { 0 } else { b'\n' });
                out.write_bytes(&line);
            }
            Err(e) => {
                out.flush_now();
                diag.io_error(op, &e);
            }
        }
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}

fn is_white(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// One parsed check line.
#[derive(Debug, PartialEq)]
struct Line {
    want: Vec<u8>,
    name: Vec<u8>,
    /// The line's own digest length (a cut BLAKE2b).
    bytes: usize,
}

/// The `(NAME) = HEX` part of a tagged line, from just after `(`: the
/// name runs to the line's last `)`.
fn tagged_rest(rest: &[u8], bytes: usize, escaped: bool, b64: bool) -> Option<Line> {
    let close = rest.iter().rposition(|&b| b == b')')?;
    let name = &rest[..close];
    let mut i = close + 1;
    while rest.get(i).is_some_and(|&b| is_white(b)) {
        i += 1;
    }
    if rest.get(i) != Some(&b'=') {
        return None;
    }
    i += 1;
    while rest.get(i).is_some_and(|&b| is_white(b)) {
        i += 1;
    }
    let h = &rest[i..];
    let want = if h.len() == bytes * 2 && h.iter().all(u8::is_ascii_hexdigit) {
        h.to_ascii_lowercase()
    } else {
        hex(&unbase64(h).filter(|d| b64 && d.len() == bytes)?)
    };
    let name = if escaped {
        unescape_name(name)?
    } else {
        name.to_vec()
    };
    Some(Line { want, name, bytes })
}

/// A tagged line after its tag: `-BITS` (sized algorithms), the
/// separator, `(`, then [`tagged_rest`].
fn after_tag(algo: &Algo, mut s: &[u8], loose: bool, escaped: bool, b64: bool) -> Option<Line> {
    // A tag without a length means the whole digest, whatever -l says.
    let mut bytes = algo.max;
    if loose {
        match s.first() {
            Some(b'(') => {}
            Some(b'-') if algo.sized() => {
                // strtoumax: blanks, a sign, then digits (a base prefix
                // as C reads it).
                let t = &s[1..];
                let ws = t.iter().take_while(|&&b| b.is_ascii_whitespace()).count();
                let t = &t[ws..];
                let (sign, t) = match t.first() {
                    Some(b'+') => (1, &t[1..]),
                    _ => (0, t),
                };
                let (value, used) = c_number(t)?;
                if value == 0 || value > (algo.max * 8) as u64 || value % 8 != 0 {
                    return None;
                }
                bytes = value as usize / 8;
                s = &s[1 + ws + sign + used..];
            }
            Some(b'-') | None => return None,
            Some(_) => s = &s[1..],
        }
    }
    if s.first() == Some(&b' ') {
        s = &s[1..];
    }
    tagged_rest(s.strip_prefix(b"(")?, bytes, escaped, b64)
}

/// An unsigned number as `strtoumax(s, _, 0)` reads it: `0x` hex, a
/// leading `0` octal, else decimal; (value, bytes used).
fn c_number(s: &[u8]) -> Option<(u64, usize)> {
    let (radix, start) = match s {
        [b'0', b'x' | b'X', c, ..] if c.is_ascii_hexdigit() => (16, 2),
        [b'0', ..] => (8, 0),
        _ => (10, 0),
    };
    let digits = s[start..]
        .iter()
        .take_while(|b| (**b as char).is_digit(radix))
        .count();
    if digits == 0 {
        return None;
    }
    let text = std::str::from_utf8(&s[start..start + digits]).ok()?;
    Some((u64::from_str_radix(text, radix).ok()?, start + digits))
}

/// An untagged line's hex digest: (lower-case hex, bytes, its length);
/// a sized algorithm takes the length the digits have.
fn untagged_hex(algo: &Algo, s: &[u8]) -> Option<(Vec<u8>, usize, usize)> {
    let bytes = if algo.sized() {
        let n = s.iter().take_while(|b| b.is_ascii_hexdigit()).count();
        if n < 2 || n % 2 != 0 || n > algo.max * 2 {
            return None;
        }
        n / 2
    } else {
        algo.bytes
    };
    let h = s.get(..bytes * 2)?;
    if !h.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    Some((h.to_ascii_lowercase(), bytes, bytes * 2))
}

struct Checker {
    quiet: bool,
    status: bool,
    strict: bool,
    warn: bool,
    ignore_missing: bool,
    algo: Option<Algo>,
    lookup: fn(&[u8]) -> Option<Algo>,
    loose_tag: bool,
    /// Digests may be base64 (cksum).
    base64_ok: bool,
    /// The tag named in "improperly formatted" warnings: the algorithm of
    /// the last line that named one (GNU's `cksum -c` starts at CRC).
    current: &'static str,
}

/// Whether a `HEX NAME` list (one space, BSD `md5 -r`) or GNU's
/// `HEX  NAME` was seen first in this file; the two do not mix.
#[derive(Clone, Copy, PartialEq)]
enum Form {
    Unknown,
    Gnu,
    Reversed,
}

impl Checker {
    /// Parses one check line, giving the algorithm it is for.
    fn parse(&mut self, line: &[u8], form: &mut Form) -> Option<(Algo, Line)> {
        let mut i = line.iter().take_while(|&&b| is_white(b)).count();
        let escaped = line.get(i) == Some(&b'\\');
        if escaped {
            i += 1;
        }
        let s = &line[i..];
        let Some(algo) = self.algo else {
            // Tagged lines only, each naming its algorithm.
            let end = s
                .iter()
                .take(16)
                .position(|&b| is_white(b) || b == b'-' || b == b'(')
                .unwrap_or(s.len().min(16));
            let algo = (self.lookup)(&s[..end])?;
            self.current = algo.tag;
            let l = after_tag(&algo, &s[end..], true, escaped, self.base64_ok)?;
            return Some((algo.with_bytes(l.bytes), l));
        };
        if let Some(rest) = s.strip_prefix(algo.tag.as_bytes()) {
            let l = after_tag(&algo, rest, self.loose_tag, escaped, self.base64_ok)?;
            return Some((algo.with_bytes(l.bytes), l));
        }
        let (want, bytes, flen) = match untagged_hex(&algo, s) {
            Some(x) => x,
            None if self.base64_ok && !algo.sized() => {
                // A base64 digest of the algorithm's length (a cut BLAKE2b
                // says its length in a tag).
                let flen = algo.bytes.div_ceil(3) * 4;
                let d = unbase64(s.get(..flen)?)?;
                (hex(&d), d.len(), flen)
            }
            None => return None,
        };
        if !s.get(flen).is_some_and(|&b| is_white(b)) {
            return None;
        }
        let rest = &s[flen + 1..];
        let name = if rest.len() == 1 || !matches!(rest.first(), Some(b' ' | b'*')) {
            if *form == Form::Gnu {
                return None;
            }
            *form = Form::Reversed;
            rest
        } else if *form != Form::Reversed {
            *form = Form::Gnu;
            &rest[1..]
        } else {
            rest
        };
        // md5sum's length floor rejects an empty name; cksum's and
        // b2sum's (lower, for short BLAKE2b digests) do not.
        if name.is_empty() && !self.loose_tag {
            return None;
        }
        let name = if escaped {
            unescape_name(name)?
        } else {
            name.to_vec()
        };
        Some((algo.with_bytes(bytes), Line { want, name, bytes }))
    }

    fn check_file(&mut self, list: &OsStr, diag: &mut Diag, out: &mut Out, buf: &mut [u8]) {
        let stdin = list == "-";
        let data = if stdin {
            let mut v = Vec::new();
            loop {
                match read_fd(0, buf) {
                    Ok(0) => break,
                    Ok(n) => v.extend_from_slice(&buf[..n]),
                    Err(e) => {
                        diag.io_error(list, &e);
                        return;
                    }
                }
            }
            v
        } else {
            match std::fs::read(list) {
                Ok(v) => v,
                Err(e) => {
                    diag.io_error(list, &e);
                    return;
                }
            }
        };
        let shown = if stdin {
            "'standard input'".to_string()
        } else {
            String::from_utf8_lossy(&crate::quote::file(list.as_bytes())).into_owned()
        };
        let (mut bad_format, mut unreadable, mut mismatched, mut good) = (0u64, 0u64, 0u64, 0u64);
        let mut lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
        if lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        let mut form = Form::Unknown;
        let mut report = Vec::new();
        for (i, raw) in lines.into_iter().enumerate() {
            let line = raw.strip_suffix(b"\r").unwrap_or(raw);
            let parsed = self
                .parse(line, &mut form)
                .filter(|(_, l)| !(stdin && l.name == b"-"));
            let Some((algo, Line { want, name, .. })) = parsed else {
                bad_format += 1;
                if self.warn {
                    out.flush_now();
                    diag.warn(format_args!(
                        "{shown}: {}: improperly formatted {} checksum line",
                        i + 1,
                        self.algo.map_or(self.current, |a| a.tag)
                    ));
                }
                continue;
            };
            good += 1;
            let name_os = OsStr::from_bytes(&name);
            match digest(&algo, name_os, buf) {
                Ok(d) => {
                    let matches = hex(&d) == want;
                    if !matches {
                        mismatched += 1;
                    }
                    if !self.status && (!matches || !self.quiet) {
                        // Reports escape a name only for a newline or
                        // carriage return (GNU prints `b\c: OK` as it is).
                        report.clear();
                        if name.iter().any(|&b| b == b'\n' || b == b'\r') {
                            report.push(b'\\');
                            report.extend_from_slice(&escape_name(&name).1);
                        } else {
                            report.extend_from_slice(&name);
                        }
                        report.extend_from_slice(if matches { b": OK\n" } else { b": FAILED\n" });
                        out.write_bytes(&report);
                    }
                }
                Err(e) => {
                    if self.ignore_missing && e.kind() == io::ErrorKind::NotFound {
                        continue;
                    }
                    unreadable += 1;
                    out.flush_now();
                    diag.warn(format_args!(
                        "{}: {}",
                        String::from_utf8_lossy(&crate::quote::file(&name)),
                        diag::strerror(&e)
                    ));
                    if !self.status {
                        let mut l = name.clone();
                        l.extend_from_slice(b": FAILED open or read\n");
                        out.write_bytes(&l);
                    }
                }
            }
        }
        if good == 0 {
            out.flush_now();
            diag.error(format_args!(
                "{shown}: no properly formatted checksum lines found"
            ));
            return;
        }
        let plural = |n: u64, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        out.flush_now();
        if !self.status {
            if bad_format > 0 {
                diag.warn(format_args!(
                    "WARNING: {}",
                    plural(
                        bad_format,
                        "line is improperly formatted",
                        "lines are improperly formatted"
                    )
                ));
            }
            if unreadable > 0 {
                diag.warn(format_args!(
                    "WARNING: {}",
                    plural(
                        unreadable,
                        "listed file could not be read",
                        "listed files could not be read"
                    )
                ));
            }
            if mismatched > 0 {
                diag.warn(format_args!(
                    "WARNING: {}",
                    plural(
                        mismatched,
                        "computed checksum did NOT match",
                        "computed checksums did NOT match"
                    )
                ));
            }
        }
        if mismatched > 0 || unreadable > 0 || (self.strict && bad_format > 0) {
            diag.fail(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Null;
    impl Sum for Null {
        fn update(&mut self, _: &[u8]) {}
        fn finish(self: Box<Self>) -> Vec<u8> {
            vec![0; 2]
        }
    }

    const SPEC: Spec = Spec {
        tag: "X",
        bytes: 2,
        new: || Box::new(Null),
    };

    fn checker(algo: Option<Algo>) -> Checker {
        Checker {
            quiet: false,
            status: false,
            strict: false,
            warn: false,
            ignore_missing: false,
            algo,
            lookup: |t| (t == b"X").then(|| Algo::of(&SPEC)),
            loose_tag: true,
            base64_ok: true,
            current: "CRC",
        }
    }

    fn parse(line: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
        let mut c = checker(Some(Algo::of(&SPEC)));
        c.loose_tag = false;
        c.parse(line, &mut Form::Unknown)
            .map(|(_, l)| (l.want, l.name))
    }

    #[test]
    fn lines() {
        let p = |w: &[u8], n: &[u8]| Some((w.to_vec(), n.to_vec()));
        assert_eq!(parse(b"abcd  f"), p(b"abcd", b"f"));
        assert_eq!(parse(b"ABCD *f g"), p(b"abcd", b"f g"));
        assert_eq!(parse(b" \tabcd  f"), p(b"abcd", b"f"));
        assert_eq!(parse(b"X (a) b) = abcd"), p(b"abcd", b"a) b"));
        assert_eq!(parse(b"X(a)=abcd"), p(b"abcd", b"a"));
        assert_eq!(parse(b"X  (a) = abcd"), None);
        assert_eq!(parse(b"\\abcd  a\\nb"), p(b"abcd", b"a\nb"));
        assert_eq!(parse(b"\\abcd  a\\qb"), None);
        assert_eq!(parse(b"abc  f"), None);
        assert_eq!(parse(b"abcd f"), p(b"abcd", b"f"));
        assert_eq!(parse(b"abcd "), None);
        assert_eq!(escape_name(b"a\\b"), (true, b"a\\\\b".to_vec()));
    }

    #[test]
    fn base64_digests() {
        assert_eq!(base64(b"\xab\xcd"), b"q80=");
        assert_eq!(unbase64(b"q80="), Some(b"\xab\xcd".to_vec()));
        // Not canonical: stray bits, missing or extra padding.
        assert_eq!(unbase64(b"q81="), None);
        assert_eq!(unbase64(b"q80"), None);
        assert_eq!(unbase64(b"q80=="), None);
        assert_eq!(unbase64(b"q8=0"), None);
        let p = |l: &[u8]| {
            checker(Some(Algo::of(&SPEC)))
                .parse(l, &mut Form::Unknown)
                .map(|(_, l)| (l.want, l.name))
        };
        assert_eq!(p(b"X (f) = q80="), Some((b"abcd".to_vec(), b"f".to_vec())));
        assert_eq!(p(b"q80=  f"), Some((b"abcd".to_vec(), b"f".to_vec())));
        assert_eq!(p(b"q80  f"), None);
        let mut c = checker(Some(Algo::of(&SPEC)));
        c.base64_ok = false;
        assert!(c.parse(b"X (f) = q80=", &mut Form::Unknown).is_none());
    }

    #[test]
    fn forms_do_not_mix() {
        let mut c = checker(Some(Algo::of(&SPEC)));
        let mut form = Form::Unknown;
        assert!(c.parse(b"abcd  f", &mut form).is_some());
        assert!(c.parse(b"abcd f", &mut form).is_none());
        let mut form = Form::Unknown;
        assert!(c.parse(b"abcd f", &mut form).is_some());
        let (_, l) = c.parse(b"abcd  f", &mut form).unwrap();
        assert_eq!(l.name, b" f");
    }

    #[test]
    fn tags_pick_the_algorithm() {
        let mut c = checker(None);
        let mut form = Form::Unknown;
        assert!(c.parse(b"abcd  f", &mut form).is_none());
        assert_eq!(c.current, "CRC");
        let (a, l) = c.parse(b"X\t(f) = abcd", &mut form).unwrap();
        assert_eq!((a.tag, l.name), ("X", b"f".to_vec()));
        assert!(c.parse(b"X-8 (f) = ab", &mut form).is_none());
        assert!(c.parse(b"Y (f) = abcd", &mut form).is_none());
    }

    #[cfg(any(feature = "b2sum", feature = "cksum"))]
    #[test]
    fn blake2b_lengths() {
        let mut c = checker(Some(BLAKE2B));
        let mut form = Form::Unknown;
        let bytes =
            |c: &mut Checker, l: &[u8]| c.parse(l, &mut Form::Unknown).map(|(a, _)| a.bytes);
        assert_eq!(bytes(&mut c, b"BLAKE2b-16 (f) = 9265"), Some(2));
        assert_eq!(bytes(&mut c, b"BLAKE2b-0x10 (f) = 9265"), Some(2));
        assert_eq!(bytes(&mut c, b"BLAKE2b-020 (f) = 9265"), Some(2));
        assert_eq!(bytes(&mut c, b"BLAKE2b-12 (f) = 926"), None);
        assert_eq!(bytes(&mut c, b"BLAKE2b-520 (f) = 9265"), None);
        assert_eq!(bytes(&mut c, b"BLAKE2b (f) = 9265"), None);
        assert_eq!(bytes(&mut c, b"9265  f"), Some(2));
        assert_eq!(bytes(&mut c, b"926  f"), None);
        assert!(c.parse(b"92  f", &mut form).is_some());
    }
}
