//! The `md5sum`/`sha*sum` family: printing and checking digests as GNU
//! does. Each applet supplies its algorithm as a [`Spec`]; the hashing
//! itself is the RustCrypto crates', built at full optimisation.
//!
//! Output is `HEX  NAME` (`HEX *NAME` with `-b`, `ALGO (NAME) = HEX` with
//! `--tag`); a name holding a backslash, newline or carriage return is
//! escaped and the line starts with `\`, unless `-z` ends lines with NUL.
//! `-c` reads both line forms and reports `NAME: OK` / `NAME: FAILED` /
//! `NAME: FAILED open or read`, then GNU's closing warnings; `--quiet`,
//! `--status`, `--strict`, `-w` and `--ignore-missing` as GNU.

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

/// The help text of a member: `help!("MD5")`.
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
fn digest(spec: &Spec, name: &OsStr, buf: &mut [u8]) -> io::Result<Vec<u8>> {
    let file;
    let fd = if name == "-" {
        0
    } else {
        file = std::fs::File::open(name)?;
        file.as_raw_fd()
    };
    let mut s = (spec.new)();
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

/// Runs one member of the family.
pub fn run(applet: &'static Applet, args: &[OsString], spec: &Spec) -> i32 {
    let parser = Parser::new(applet, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
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
        let opts = CheckOpts {
            quiet: m.has("quiet"),
            status: m.has("status"),
            strict: m.has("strict"),
            warn: m.has("w"),
            ignore_missing: m.has("ignore-missing"),
            zero: m.has("z"),
        };
        for op in ops {
            check_file(spec, op, &opts, &mut diag, &mut out, &mut buf);
        }
        let status = diag.status();
        return out.finish(diag.name(), status);
    }
    let binary = m.last_of(&["b", "t"]) == Some("b");
    let tag = m.has("tag");
    let zero = m.has("z");
    for op in ops {
        match digest(spec, op, &mut buf) {
            Ok(d) => {
                let (escaped, name) = if zero {
                    (false, op.as_bytes().to_vec())
                } else {
                    escape_name(op.as_bytes())
                };
                let mut line = Vec::new();
                if escaped {
                    line.push(b'\\');
                }
                if tag {
                    line.extend_from_slice(spec.tag.as_bytes());
                    line.extend_from_slice(b" (");
                    line.extend_from_slice(&name);
                    line.extend_from_slice(b") = ");
                    line.extend_from_slice(&hex(&d));
                } else {
                    line.extend_from_slice(&hex(&d));
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

struct CheckOpts {
    quiet: bool,
    status: bool,
    strict: bool,
    warn: bool,
    ignore_missing: bool,
    zero: bool,
}

/// Parses one check line: (expected hex, file name).
fn parse_line(spec: &Spec, line: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let (escaped, line) = match line.strip_prefix(b"\\") {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    let want_len = spec.bytes * 2;
    let fix = |name: &[u8]| {
        if escaped {
            unescape_name(name)
        } else {
            Some(name.to_vec())
        }
    };
    // BSD form: ALGO (NAME) = HEX
    if let Some(rest) = line.strip_prefix(spec.tag.as_bytes()) {
        if let Some(rest) = rest.strip_prefix(b" (") {
            let close = rest.windows(4).rposition(|w| w == b") = ")?;
            let name = &rest[..close];
            let h = &rest[close + 4..];
            if h.len() == want_len && h.iter().all(u8::is_ascii_hexdigit) {
                return Some((h.to_ascii_lowercase(), fix(name)?));
            }
            return None;
        }
    }
    if line.len() < want_len + 2 {
        return None;
    }
    let (h, rest) = line.split_at(want_len);
    if !h.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let name = match rest {
        [b' ', b' ' | b'*', name @ ..] if !name.is_empty() => name,
        _ => return None,
    };
    Some((h.to_ascii_lowercase(), fix(name)?))
}

fn check_file(
    spec: &Spec,
    list: &OsStr,
    o: &CheckOpts,
    diag: &mut Diag,
    out: &mut Out,
    buf: &mut [u8],
) {
    let data = if list == "-" {
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
    let shown = if list == "-" {
        "'standard input'".to_string()
    } else {
        String::from_utf8_lossy(&crate::quote::file(list.as_bytes())).into_owned()
    };
    let eol = if o.zero { 0 } else { b'\n' };
    let (mut bad_format, mut unreadable, mut mismatched, mut good) = (0u64, 0u64, 0u64, 0u64);
    let mut lines: Vec<&[u8]> = data.split(|&b| b == eol).collect();
    if lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    for (i, raw) in lines.into_iter().enumerate() {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        let Some((want, name)) = parse_line(spec, line) else {
            bad_format += 1;
            if o.warn {
                out.flush_now();
                diag.warn(format_args!(
                    "{shown}: {}: improperly formatted {} checksum line",
                    i + 1,
                    spec.tag
                ));
            }
            continue;
        };
        good += 1;
        let name_os = OsStr::from_bytes(&name);
        let (ok_word, fail_word): (&[u8], &[u8]) = (b": OK", b": FAILED");
        match digest(spec, name_os, buf) {
            Ok(d) => {
                let matches = hex(&d) == want;
                if !matches {
                    mismatched += 1;
                }
                if !o.status && (!matches || !o.quiet) {
                    // Reports escape a name only for a newline or carriage
                    // return (GNU prints `b\c: OK` as it is).
                    let mut l = if name.iter().any(|&b| b == b'\n' || b == b'\r') {
                        let mut e = escape_name(&name).1;
                        e.insert(0, b'\\');
                        e
                    } else {
                        name.clone()
                    };
                    l.extend_from_slice(if matches { ok_word } else { fail_word });
                    l.push(b'\n');
                    out.write_bytes(&l);
                }
            }
            Err(e) => {
                if o.ignore_missing && e.kind() == io::ErrorKind::NotFound {
                    continue;
                }
                unreadable += 1;
                out.flush_now();
                diag.warn(format_args!(
                    "{}: {}",
                    String::from_utf8_lossy(&crate::quote::file(&name)),
                    diag::strerror(&e)
                ));
                if !o.status {
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
    if !o.status {
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
    if mismatched > 0 || unreadable > 0 || (o.strict && bad_format > 0) {
        diag.fail(1);
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

    #[test]
    fn lines() {
        assert_eq!(
            parse_line(&SPEC, b"abcd  f"),
            Some((b"abcd".to_vec(), b"f".to_vec()))
        );
        assert_eq!(
            parse_line(&SPEC, b"ABCD *f g"),
            Some((b"abcd".to_vec(), b"f g".to_vec()))
        );
        assert_eq!(
            parse_line(&SPEC, b"X (a) b) = abcd"),
            Some((b"abcd".to_vec(), b"a) b".to_vec()))
        );
        assert_eq!(
            parse_line(&SPEC, b"\\abcd  a\\nb"),
            Some((b"abcd".to_vec(), b"a\nb".to_vec()))
        );
        assert_eq!(parse_line(&SPEC, b"abc  f"), None);
        assert_eq!(parse_line(&SPEC, b"abcd f"), None);
        assert_eq!(escape_name(b"a\\b"), (true, b"a\\\\b".to_vec()));
    }
}
