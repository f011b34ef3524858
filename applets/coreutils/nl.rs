//! nl: number the lines of files.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/nl.html
//!
//! Input is read as logical pages of header, body and footer sections:
//! a line that is exactly the delimiter (`-d`, default `\:`) three times
//! starts a header, twice a body, once a footer; such lines print as empty
//! lines. `-h`, `-b`, `-f` choose which lines of each section are numbered
//! (`a` all, `t` non-empty, `n` none, `pBRE` those matching the BRE);
//! defaults `n`, `t`, `n`. Numbers start at `-v` (1), step by `-i` (1) and
//! restart at every section delimiter unless `-p`, as GNU 9 does. `-n
//! ln|rn|rz` and `-w` (6) lay the number out, `-s` (TAB) follows it; an
//! unnumbered line gets as many spaces instead. With `-l N` and style `a`
//! only every Nth of consecutive empty lines is numbered. A one-character
//! `-d X` means `X:`; `-d ''` turns sections off. A last line without a newline
//! gets one, in each file.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::{read_fd, Input, Out};
use crate::regex::{Pattern, Syntax};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "nl",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-p] [-b STYLE] [-h STYLE] [-f STYLE] [-d CC] [-i N] [-l N] [-n FMT] [-s SEP] [-v N] [-w N] [FILE]...",
    help: "Write FILEs (standard input for none or -) with line numbers.\n\
\n\
\t-b STYLE\tWhich body lines to number (default t)\n\
\t-h STYLE\tWhich header lines to number (default n)\n\
\t-f STYLE\tWhich footer lines to number (default n)\n\
\t-d CC\tSection delimiter (default \\:)\n\
\t-i N\tLine number increment (default 1)\n\
\t-l N\tWith style a, number only every Nth of consecutive empty lines\n\
\t-n FMT\tln (left), rn (right, the default) or rz (zero-padded)\n\
\t-p\tDo not restart numbering at section delimiters\n\
\t-s SEP\tText after the number (default TAB)\n\
\t-v N\tFirst line number (default 1)\n\
\t-w N\tWidth of the number (default 6)\n\
STYLE: a (all lines), t (non-empty lines), n (none), pBRE (lines matching BRE).",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::value('b', "body-numbering"),
    Opt::value('d', "section-delimiter"),
    Opt::value('f', "footer-numbering"),
    Opt::value('h', "header-numbering"),
    Opt::value('i', "line-increment"),
    Opt::value('l', "join-blank-lines"),
    Opt::value('n', "number-format"),
    Opt::flag('p', "no-renumber"),
    Opt::value('s', "number-separator"),
    Opt::value('v', "starting-line-number"),
    Opt::value('w', "number-width"),
];

enum Style {
    All,
    NonEmpty,
    None,
    Regex(Box<Pattern>),
}

fn style(v: &[u8]) -> Result<Style, Option<String>> {
    match v {
        b"a" => Ok(Style::All),
        b"t" => Ok(Style::NonEmpty),
        b"n" => Ok(Style::None),
        [b'p', re @ ..] => Pattern::new(re, Syntax::default())
            .map(|p| Style::Regex(Box::new(p)))
            .map_err(Some),
        _ => Err(None),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Left,
    Right,
    Zero,
}

struct Nl {
    styles: [Style; 3],
    /// Delimiter lines for header, body, footer.
    delims: [Vec<u8>; 3],
    start: i64,
    incr: i64,
    join: u64,
    format: Format,
    sep: Vec<u8>,
    width: usize,
    renumber: bool,
    /// The next number; None once it has overflowed.
    next: Option<i64>,
    section: usize,
    blanks: u64,
}

enum LineErr {
    Overflow,
}

impl Nl {
    fn line(&mut self, line: &[u8], text: &mut Vec<u8>) -> Result<(), LineErr> {
        if !self.delims[2].is_empty() {
            if let Some(s) = self.delims.iter().position(|d| d == line) {
                self.section = s;
                if self.renumber {
                    self.next = Some(self.start);
                }
                self.blanks = 0;
                text.push(b'\n');
                return Ok(());
            }
        }
        let number = match &self.styles[self.section] {
            Style::All if self.join > 1 && line.is_empty() => {
                self.blanks += 1;
                if self.blanks == self.join {
                    self.blanks = 0;
                    true
                } else {
                    false
                }
            }
            Style::All => {
                self.blanks = 0;
                true
            }
            Style::NonEmpty => !line.is_empty(),
            Style::None => false,
            Style::Regex(re) => re.is_match(line),
        };
        if number {
            let Some(n) = self.next else {
                return Err(LineErr::Overflow);
            };
            let w = self.width;
            let s = match self.format {
                Format::Left => format!("{n:<w$}"),
                Format::Right => format!("{n:>w$}"),
                Format::Zero => format!("{n:0w$}"),
            };
            text.extend_from_slice(s.as_bytes());
            text.extend_from_slice(&self.sep);
            self.next = n.checked_add(self.incr);
        } else {
            text.resize(text.len() + self.width + self.sep.len(), b' ');
        }
        text.extend_from_slice(line);
        text.push(b'\n');
        Ok(())
    }
}

fn int(v: &std::ffi::OsStr) -> Result<i64, String> {
    let s = String::from_utf8_lossy(v.as_bytes());
    let t = s.trim_start();
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("'{s}'"));
    }
    t.parse::<i64>()
        .map_err(|_| format!("'{s}': Value too large for defined data type"))
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let mut styles = [Style::None, Style::NonEmpty, Style::None];
    for (i, (key, what)) in [("h", "header"), ("b", "body"), ("f", "footer")].iter().enumerate() {
        if let Some(v) = m.value(key) {
            match style(v.as_bytes()) {
                Ok(s) => styles[i] = s,
                Err(Some(msg)) => {
                    diag.error(msg);
                    return 1;
                }
                Err(None) => {
                    let msg = format!("invalid {what} numbering style: {}", crate::quote::msg_os(v));
                    return parser.usage_error(args, msg);
                }
            }
        }
    }
    let format = match m.value("n").map(|v| v.as_bytes()) {
        None | Some(b"rn") => Format::Right,
        Some(b"ln") => Format::Left,
        Some(b"rz") => Format::Zero,
        Some(_) => {
            let v = m.value("n").unwrap_or_default();
            let msg = format!("invalid line numbering format: {}", crate::quote::msg_os(v));
            return parser.usage_error(args, msg);
        }
    };
    let mut numbers = [1i64, 1, 1, 6];
    for (i, (key, what, positive)) in [
        ("v", "starting line number", false),
        ("i", "line number increment", false),
        ("l", "line number of blank lines", true),
        ("w", "line number field width", true),
    ]
    .iter()
    .enumerate()
    {
        if let Some(v) = m.value(key) {
            match int(v) {
                Ok(n) if *positive && !(1..=i64::from(i32::MAX)).contains(&n) => {
                    diag.error(format_args!(
                        "invalid {what}: '{}': Numerical result out of range",
                        String::from_utf8_lossy(v.as_bytes())
                    ));
                    return 1;
                }
                Ok(n) => numbers[i] = n,
                Err(msg) => {
                    diag.error(format_args!("invalid {what}: {msg}"));
                    return 1;
                }
            }
        }
    }
    let mut delim = m.value("d").map_or(b"\\:".to_vec(), |d| d.as_bytes().to_vec());
    if delim.len() == 1 {
        delim.push(b':');
    }
    let mut nl = Nl {
        styles,
        delims: [delim.repeat(3), delim.repeat(2), delim],
        start: numbers[0],
        incr: numbers[1],
        join: numbers[2] as u64,
        format,
        sep: m.value("s").map_or(b"\t".to_vec(), |s| s.as_bytes().to_vec()),
        width: numbers[3] as usize,
        renumber: !m.has("p"),
        next: Some(numbers[0]),
        section: 1,
        blanks: 0,
    };
    let mut out = Out::stdout();
    let dash = [OsString::from("-")];
    let ops = if m.operands.is_empty() { &dash[..] } else { &m.operands[..] };
    let mut buf = vec![0u8; 64 * 1024];
    let mut text = Vec::with_capacity(128 * 1024);
    let mut partial: Vec<u8> = Vec::new();
    let overflow = |out: &mut Out, text: &[u8], diag: &mut Diag| {
        out.write_bytes(text);
        out.flush_now();
        diag.error("line number overflow");
    };
    for op in ops {
        let input = match Input::open(op) {
            Ok(i) => i,
            Err(e) => {
                out.flush_now();
                diag.io_error(op, &e);
                continue;
            }
        };
        loop {
            let n = match read_fd(input.fd(), &mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => {
                    out.flush_now();
                    diag.io_error(op, &e);
                    break;
                }
            };
            text.clear();
            let mut start = 0;
            for p in memchr::memchr_iter(b'\n', &buf[..n]) {
                let r = if partial.is_empty() {
                    nl.line(&buf[start..p], &mut text)
                } else {
                    partial.extend_from_slice(&buf[start..p]);
                    let r = nl.line(&partial, &mut text);
                    partial.clear();
                    r
                };
                if r.is_err() {
                    overflow(&mut out, &text, &mut diag);
                    return out.close(&diag);
                }
                start = p + 1;
            }
            partial.extend_from_slice(&buf[start..n]);
            out.write_bytes(&text);
        }
        if !partial.is_empty() {
            text.clear();
            if nl.line(&partial, &mut text).is_err() {
                overflow(&mut out, &text, &mut diag);
                return out.close(&diag);
            }
            out.write_bytes(&text);
        }
        partial.clear();
    }
    out.close(&diag)
}
