//! tac: write files with their lines (or records) in reverse order.
//! GNU coreutils: https://www.gnu.org/software/coreutils/manual/html_node/tac-invocation.html
//!
//! Records end with the separator (newline, or `-s STRING`); with `-b`
//! they start with it. A last record without its separator is printed as
//! it is, first, as GNU does. Each input is read whole.
//!
//! With `-r` the separator is a regular expression in the syntax GNU tac
//! gives it, the GNU regex library's default (Emacs) one: `+ ? *` repeat,
//! `\( \)` group, `\|` alternates, while `( ) | { }` are plain characters,
//! and `^ $` anchor only at the ends of the pattern or of a group or
//! branch; `.` leaves out the newline and the anchors match at newlines.
//! GNU searches backwards, each match ending before the one found after
//! it; the separators here are the same: forward matches, each split from
//! its right end into the matches a backward search finds inside it.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::{read_fd, Input, Out};
use crate::quote;
use crate::regex::{Pattern, Syntax};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "tac",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-b] [-r] [-s SEP] [FILE]...",
    help: "Print FILEs (standard input for none or -) last line first.\n\
\n\
\t-b\tThe separator comes before each record, not after\n\
\t-r\tThe separator is a regular expression\n\
\t-s SEP\tRecords are separated by SEP, not newline",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('b', "before"),
    Opt::flag('r', "regex"),
    Opt::value('s', "separator"),
];

/// The records of `data`, in order, for the separator spans `seps`
/// (ascending, not overlapping).
fn records(data: &[u8], seps: impl IntoIterator<Item = (usize, usize)>, before: bool) -> Vec<&[u8]> {
    let mut v = Vec::new();
    let mut start = 0;
    for (p, e) in seps {
        if before {
            // The record before the first separator, if any, then each
            // separator starts the next.
            if p > start {
                v.push(&data[start..p]);
            }
            start = p;
        } else {
            v.push(&data[start..e]);
            start = e;
        }
    }
    if start < data.len() {
        v.push(&data[start..]);
    }
    v
}

/// The spans of the fixed separator `sep` in `data`.
fn fixed_seps(data: &[u8], sep: &[u8]) -> Vec<(usize, usize)> {
    memchr::memmem::find_iter(data, sep).map(|p| (p, p + sep.len())).collect()
}

/// The separator spans of `re` in `data`, as GNU's backward search finds
/// them. Empty matches do not separate.
fn regex_seps(data: &[u8], re: &Pattern) -> Vec<(usize, usize)> {
    let mut seps = Vec::new();
    let mut at = 0;
    while at < data.len() {
        let Some((a, b)) = re.find_at(data, at) else { break };
        if b == a {
            at = a + 1;
            continue;
        }
        // Within [a, b): the rightmost start with a match ending by the
        // limit, then the same to its left.
        let first = seps.len();
        let mut limit = b;
        while limit > a {
            let hay = &data[..limit];
            let found = (a..limit).rev().find_map(|p| match re.find_at(hay, p) {
                Some((s, e)) if s == p && e > s => Some((s, e)),
                _ => None,
            });
            let Some((s, e)) = found else { break };
            seps.push((s, e));
            limit = s;
        }
        seps[first..].reverse();
        at = b;
    }
    seps
}

/// GNU tac's (Emacs-syntax) pattern as an ERE.
fn emacs_to_ere(p: &[u8]) -> Vec<u8> {
    const SPECIAL: &[u8] = b".[]()*+?{}|^$\\";
    let mut out = Vec::with_capacity(p.len() + 8);
    // After the start, `\(` or `\|`: where `^` anchors and a repeat
    // operator is a plain character.
    let mut at_start = true;
    let mut i = 0;
    while i < p.len() {
        let c = p[i];
        let start = at_start;
        at_start = false;
        match c {
            b'\\' if i + 1 < p.len() => {
                let d = p[i + 1];
                i += 2;
                match d {
                    b'(' => {
                        out.push(b'(');
                        at_start = true;
                    }
                    b')' => out.push(b')'),
                    b'|' => {
                        out.push(b'|');
                        at_start = true;
                    }
                    b'1'..=b'9' | b'w' | b'W' | b'<' | b'>' | b'b' | b'B' => {
                        out.extend_from_slice(&[b'\\', d]);
                    }
                    _ if SPECIAL.contains(&d) => out.extend_from_slice(&[b'\\', d]),
                    _ => out.push(d),
                }
                continue;
            }
            b'[' => {
                // A bracket expression goes over as it is.
                let mut j = i + 1;
                if j < p.len() && p[j] == b'^' {
                    j += 1;
                }
                if j < p.len() && p[j] == b']' {
                    j += 1;
                }
                while j < p.len() && p[j] != b']' {
                    if p[j] == b'[' && j + 1 < p.len() && matches!(p[j + 1], b':' | b'.' | b'=') {
                        let kind = p[j + 1];
                        j += 2;
                        while j + 1 < p.len() && !(p[j] == kind && p[j + 1] == b']') {
                            j += 1;
                        }
                        j += 2;
                    } else {
                        j += 1;
                    }
                }
                let end = (j + 1).min(p.len());
                out.extend_from_slice(&p[i..end]);
                i = end;
                continue;
            }
            b'^' if start => {
                out.push(b'^');
                at_start = true;
            }
            b'$' if i + 1 == p.len() || p[i + 1..].starts_with(b"\\)") || p[i + 1..].starts_with(b"\\|") => {
                out.push(b'$');
            }
            b'*' | b'+' | b'?' if !start => out.push(c),
            b'.' => out.push(c),
            _ if SPECIAL.contains(&c) => out.extend_from_slice(&[b'\\', c]),
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let sep: Vec<u8> = m.value("s").map_or(b"\n".to_vec(), |s| s.as_bytes().to_vec());
    if sep.is_empty() {
        diag.error("separator cannot be empty");
        return 1;
    }
    let re = if m.has("r") {
        let syn = Syntax { extended: true, icase: false, newline: true, zero: false, strict: false };
        match Pattern::new(&emacs_to_ere(&sep), syn) {
            Ok(re) => Some(re),
            Err(e) => {
                diag.error(e);
                return 1;
            }
        }
    } else {
        None
    };
    let before = m.has("b");
    let mut out = Out::stdout();
    let dash = [OsString::from("-")];
    let ops = if m.operands.is_empty() { &dash[..] } else { &m.operands[..] };
    let mut buf = vec![0u8; 128 * 1024];
    for op in ops {
        let input = match Input::open(op) {
            Ok(i) => i,
            Err(e) => {
                    out.flush_now();
                    diag.error(format_args!("failed to open {} for reading: {}", quote::msg_os(op), diag::strerror(&e)));
                    continue;
            }
        };
        let fd = input.fd();
        let mut data = Vec::new();
        let mut failed = false;
        loop {
            match read_fd(fd, &mut buf) {
                Ok(0) => break,
                Ok(n) => data.extend_from_slice(&buf[..n]),
                Err(e) => {
                    out.flush_now();
                    let name = if op == "-" { "standard input".to_string() } else { quote::msg_os(op) };
                    diag.error(format_args!("{name}: read error: {}", diag::strerror(&e)));
                    failed = true;
                    break;
                }
            }
        }
        if failed {
            continue;
        }
        let seps = match &re {
            Some(re) => regex_seps(&data, re),
            None => fixed_seps(&data, &sep),
        };
        for r in records(&data, seps, before).iter().rev() {
            out.write_bytes(r);
        }
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}

#[cfg(test)]
mod tests {
    use super::{emacs_to_ere, fixed_seps, records};

    fn split<'a>(data: &'a [u8], sep: &[u8], before: bool) -> Vec<&'a [u8]> {
        records(data, fixed_seps(data, sep), before)
    }

    #[test]
    fn splitting() {
        assert_eq!(split(b"a\nb", b"\n", false), [&b"a\n"[..], b"b"]);
        assert_eq!(split(b"a,b,", b",", false), [&b"a,"[..], b"b,"]);
        assert_eq!(split(b",a,b", b",", true), [&b",a"[..], b",b"]);
        assert_eq!(split(b"a\nb\n", b"\n", true), [&b"a"[..], b"\nb", b"\n"]);
    }

    #[test]
    fn emacs_syntax() {
        assert_eq!(emacs_to_ere(b"a+(b)|{2}"), b"a+\\(b\\)\\|\\{2\\}");
        assert_eq!(emacs_to_ere(b"\\(x\\|y\\)\\+"), b"(x|y)\\+");
        assert_eq!(emacs_to_ere(b"*a^b$c$"), b"\\*a\\^b\\$c$");
        assert_eq!(emacs_to_ere(b"^*[]^a-]"), b"^\\*[]^a-]");
    }
}
