//! cut: print selected parts of lines.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/cut.html
//!
//! `-b`/`-c LIST` select bytes (characters are bytes, as in GNU), `-f LIST`
//! fields split at `-d` (TAB by default; `-d ''` is NUL). LIST is ranges
//! `N`, `N-M`, `N-`, `-M` joined by commas, in any order and overlapping.
//! Lines without the delimiter are printed whole under `-f` unless `-s`.
//! `--complement` inverts the selection; `--output-delimiter` joins fields
//! and separates non-adjacent byte ranges; `-z` ends lines with NUL; `-n`
//! is accepted and ignored. Every output line ends with the line end, the
//! last one too, as GNU does.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::{read_fd, Input, Out};
use crate::quote;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "cut",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "-b LIST | -c LIST | -f LIST [-d DELIM] [-s] [-nz] [--complement] [--output-delimiter=S] [FILE]...",
    help: "Print the selected bytes or fields of each line of FILEs.\n\
\n\
\t-b LIST\tBytes\n\
\t-c LIST\tCharacters (bytes, as in GNU)\n\
\t-f LIST\tFields\n\
\t-d DELIM\tField delimiter (default TAB)\n\
\t-s\tWith -f, drop lines without the delimiter\n\
\t-n\t(ignored)\n\
\t-z\tLines end with NUL, not newline\n\
\t--complement\tSelect what LIST does not\n\
\t--output-delimiter=S\tJoin the output parts with S\n\
LIST: N, N-M, N-, -M, joined by commas.",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::value('b', "bytes"),
    Opt::value('c', "characters"),
    Opt::value('f', "fields"),
    Opt::value('d', "delimiter"),
    Opt::flag('s', "only-delimited"),
    Opt::flag('n', ""),
    Opt::flag('z', "zero-terminated"),
    Opt::flag('\0', "complement"),
    Opt::value('\0', "output-delimiter"),
];

/// Sorted, merged (where they overlap), 1-based inclusive ranges (`u64::MAX` for an open end).
fn parse_list(s: &[u8], fields: bool) -> Result<Vec<(u64, u64)>, String> {
    let numbered = if fields {
        "fields are numbered from 1"
    } else {
        "byte/character positions are numbered from 1"
    };
    let what = if fields { "field value" } else { "byte/character position" };
    let num = |t: &[u8]| -> Result<u64, String> {
        let v = std::str::from_utf8(t)
            .ok()
            .filter(|x| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|x| x.parse::<u64>().ok())
            .ok_or_else(|| format!("invalid {what} {}", quote::msg(t)))?;
        if v == 0 {
            return Err(numbered.to_string());
        }
        Ok(v)
    };
    let mut v = Vec::new();
    for part in s.split(|&b| b == b',' || b == b' ') {
        if part.is_empty() {
            return Err(numbered.to_string());
        }
        let range = match part.iter().position(|&b| b == b'-') {
            None => {
                let n = num(part)?;
                (n, n)
            }
            Some(i) => {
                let (a, b) = (&part[..i], &part[i + 1..]);
                if a.is_empty() && b.is_empty() {
                    return Err("invalid range with no endpoint: -".to_string());
                }
                let lo = if a.is_empty() { 1 } else { num(a)? };
                let hi = if b.is_empty() { u64::MAX } else { num(b)? };
                if hi < lo {
                    return Err("invalid decreasing range".to_string());
                }
                (lo, hi)
            }
        };
        v.push(range);
    }
    v.sort();
    let mut merged: Vec<(u64, u64)> = Vec::new();
    for (lo, hi) in v {
        match merged.last_mut() {
            // Overlapping ranges merge; adjacent ones stay apart, so that
            // --output-delimiter separates them (GNU prints `ab_cd`).
            Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
            _ => merged.push((lo, hi)),
        }
    }
    Ok(merged)
}

/// The complement of merged ranges.
fn complement(r: &[(u64, u64)]) -> Vec<(u64, u64)> {
    let mut v = Vec::new();
    let mut next = 1u64;
    for &(lo, hi) in r {
        if lo > next {
            v.push((next, lo - 1));
        }
        if hi == u64::MAX {
            return v;
        }
        next = hi + 1;
    }
    v.push((next, u64::MAX));
    v
}

struct Cut {
    ranges: Vec<(u64, u64)>,
    fields: bool,
    delim: u8,
    out_delim: Option<Vec<u8>>,
    only_delimited: bool,
    eol: u8,
}

impl Cut {
    fn line(&self, line: &[u8], out: &mut Vec<u8>) {
        if !self.fields {
            let mut first = true;
            for &(lo, hi) in &self.ranges {
                let start = (lo - 1) as usize;
                if start >= line.len() {
                    break;
                }
                let end = if hi == u64::MAX { line.len() } else { (hi as usize).min(line.len()) };
                if !first {
                    if let Some(d) = &self.out_delim {
                        out.extend_from_slice(d);
                    }
                }
                first = false;
                out.extend_from_slice(&line[start..end]);
            }
            out.push(self.eol);
            return;
        }
        if memchr::memchr(self.delim, line).is_none() {
            if !self.only_delimited {
                out.extend_from_slice(line);
                out.push(self.eol);
            }
            return;
        }
        let mut ri = 0;
        let mut first = true;
        for (i, field) in line.split(|&b| b == self.delim).enumerate() {
            let n = i as u64 + 1;
            while ri < self.ranges.len() && self.ranges[ri].1 < n {
                ri += 1;
            }
            if ri == self.ranges.len() {
                break;
            }
            if self.ranges[ri].0 <= n {
                if !first {
                    match &self.out_delim {
                        Some(d) => out.extend_from_slice(d),
                        None => out.push(self.delim),
                    }
                }
                first = false;
                out.extend_from_slice(field);
            }
        }
        out.push(self.eol);
    }
}

impl Cut {
    /// Fields of `block`, whole lines each ending in the terminator, in one
    /// pass over it: delimiters and terminators are found together, and
    /// the rest of a line is skipped once the last wanted field is out.
    /// (Not for a delimiter that is the terminator: see [`Cut::line`].)
    fn field_block(&self, block: &[u8], out: &mut Vec<u8>) {
        let (delim, eol) = (self.delim, self.eol);
        let last = self.ranges.last().map_or(0, |r| r.1);
        let mut ls = 0;
        while ls < block.len() {
            let (mut n, mut fs, mut pos, mut ri) = (1u64, ls, ls, 0);
            let mut first = true;
            let mut saw_delim = false;
            let line_end = loop {
                // Fields are short: a plain loop beats a vector search's
                // set-up here.
                let Some(i) = block[pos..].iter().position(|&b| b == delim || b == eol) else {
                    // Not reached: the block ends with a terminator.
                    break block.len() - 1;
                };
                let p = pos + i;
                let at_eol = block[p] == eol;
                if at_eol && !saw_delim {
                    // No delimiter: the whole line, unless -s.
                    if !self.only_delimited {
                        out.extend_from_slice(&block[ls..=p]);
                    }
                    break p;
                }
                saw_delim = true;
                while ri < self.ranges.len() && self.ranges[ri].1 < n {
                    ri += 1;
                }
                if ri < self.ranges.len() && self.ranges[ri].0 <= n {
                    if !first {
                        match &self.out_delim {
                            Some(d) => out.extend_from_slice(d),
                            None => out.push(delim),
                        }
                    }
                    first = false;
                    out.extend_from_slice(&block[fs..p]);
                }
                if at_eol {
                    out.push(eol);
                    break p;
                }
                n += 1;
                fs = p + 1;
                pos = p + 1;
                if n > last {
                    out.push(eol);
                    break memchr::memchr(eol, &block[pos..]).map_or(block.len() - 1, |i| pos + i);
                }
            };
            ls = line_end + 1;
        }
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let lists = ["b", "c", "f"].iter().filter(|k| m.has(k)).count();
    if lists == 0 {
        return parser.usage_error(args, "you must specify a list of bytes, characters, or fields");
    }
    if lists > 1 {
        return parser.usage_error(args, "only one list may be specified");
    }
    let fields = m.has("f");
    if !fields && m.has("d") {
        return parser.usage_error(args, "an input delimiter may be specified only when operating on fields");
    }
    if !fields && m.has("s") {
        return parser.usage_error(args, "suppressing non-delimited lines makes sense\n\tonly when operating on fields");
    }
    let delim = match m.value("d").map(|d| d.as_bytes()) {
        None => b'\t',
        Some([]) => 0,
        Some([c]) => *c,
        Some(_) => return parser.usage_error(args, "the delimiter must be a single character"),
    };
    let list = ["b", "c", "f"].iter().find_map(|k| m.value(k)).map(|v| v.as_bytes()).unwrap_or_default();
    let mut ranges = match parse_list(list, fields) {
        Ok(r) => r,
        Err(msg) => return parser.usage_error(args, msg),
    };
    if m.has("complement") {
        ranges = complement(&ranges);
    }
    let cut = Cut {
        ranges,
        fields,
        delim,
        out_delim: m.value("output-delimiter").map(|d| d.as_bytes().to_vec()),
        only_delimited: m.has("s"),
        eol: if m.has("z") { 0 } else { b'\n' },
    };
    let mut diag = Diag::new(args);
    let mut out = Out::stdout();
    let dash = [OsString::from("-")];
    let ops = if m.operands.is_empty() { &dash[..] } else { &m.operands[..] };
    let mut buf = vec![0u8; 128 * 1024];
    let mut text = Vec::with_capacity(256 * 1024);
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
        let mut partial: Vec<u8> = Vec::new();
        loop {
            let n = match read_fd(fd, &mut buf) {
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
            if cut.fields && cut.delim != cut.eol {
                // Whole lines in one pass; a line begun in the last read
                // and the unfinished one at the end go line by line.
                if let Some(last) = memchr::memrchr(cut.eol, &buf[..n]) {
                    if !partial.is_empty() {
                        let p = memchr::memchr(cut.eol, &buf[..n]).unwrap_or(last);
                        partial.extend_from_slice(&buf[..p]);
                        cut.line(&partial, &mut text);
                        partial.clear();
                        start = p + 1;
                    }
                    cut.field_block(&buf[start..=last], &mut text);
                    start = last + 1;
                }
                partial.extend_from_slice(&buf[start..n]);
                out.write_bytes(&text);
                continue;
            }
            for p in memchr::memchr_iter(cut.eol, &buf[..n]) {
                if partial.is_empty() {
                    cut.line(&buf[start..p], &mut text);
                } else {
                    partial.extend_from_slice(&buf[start..p]);
                    cut.line(&partial, &mut text);
                    partial.clear();
                }
                start = p + 1;
            }
            partial.extend_from_slice(&buf[start..n]);
            out.write_bytes(&text);
        }
        if !partial.is_empty() {
            text.clear();
            cut.line(&partial, &mut text);
            out.write_bytes(&text);
        }
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists() {
        assert_eq!(parse_list(b"3-5,1,4-6", true), Ok(vec![(1, 1), (3, 6)]));
        assert_eq!(parse_list(b"-2,5-", false), Ok(vec![(1, 2), (5, u64::MAX)]));
        assert!(parse_list(b"0", true).is_err());
        assert!(parse_list(b"3-2", true).is_err());
        assert_eq!(complement(&[(2, 3)]), vec![(1, 1), (4, u64::MAX)]);
        assert_eq!(complement(&[(1, u64::MAX)]), vec![]);
    }
}
