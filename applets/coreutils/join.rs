//! join: join the lines of two sorted files on a common field.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/join.html
//!
//! GNU's behaviour: fields are split by runs of blanks (leading blanks
//! ignored) or by each `-t` byte; a line without the join field has an
//! empty key; `-e` fills missing and empty fields of `-o` output (and of
//! `-o auto`, whose field counts come from each file's first line); keys
//! compare as bytes (`-i`: ASCII case folded). Order is checked as GNU
//! does: by default only once an unpairable line has been seen, with one
//! warning per file and a final "input is not in sorted order" (exit 1);
//! `--check-order` makes the first disorder fatal.
//!
//! Each file is read whole into memory (GNU streams); the obsolescent
//! `-j1 N`, `-j2 N` and a multi-argument `-o` are not supported.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::{read_fd, Input, Out};
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "join",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[OPTION]... FILE1 FILE2",
    help: "For each pair of lines of FILE1 and FILE2 with identical join fields, print a line.\n\
\n\
\t-a FILENUM\tAlso print unpairable lines from file FILENUM (1 or 2)\n\
\t-e EMPTY\tReplace missing input fields with EMPTY\n\
\t-i\t\tIgnore case when comparing fields\n\
\t-j FIELD\tEquivalent to -1 FIELD -2 FIELD\n\
\t-o FORMAT\tOutput fields: 0, 1.N, 2.N separated by commas or blanks, or auto\n\
\t-t CHAR\t\tField separator\n\
\t-v FILENUM\tLike -a FILENUM, but suppress joined lines\n\
\t-1 FIELD\tJoin on this field of file 1\n\
\t-2 FIELD\tJoin on this field of file 2\n\
\t--check-order\tFail on unsorted input\n\
\t--nocheck-order\tDo not check the input order\n\
\t--header\tTreat the first line of each file as a header\n\
\t-z\t\tLines end with NUL, not newline",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::value('a', ""),
    Opt::value('e', ""),
    Opt::flag('i', "ignore-case"),
    Opt::value('j', ""),
    Opt::value('o', ""),
    Opt::value('t', ""),
    Opt::value('v', ""),
    Opt::value('1', ""),
    Opt::value('2', ""),
    Opt::flag('\0', "check-order"),
    Opt::flag('\0', "nocheck-order"),
    Opt::flag('\0', "header"),
    Opt::flag('z', "zero-terminated"),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Check {
    Default,
    On,
    Off,
}

/// One `-o` item: file 0 is the join field.
#[derive(Clone, Copy)]
struct Spec {
    file: u8,
    field: usize,
}

struct Cfg {
    /// `None`: runs of blanks.
    tab: Option<u8>,
    /// Join field of each file, from 0.
    key: [usize; 2],
    icase: bool,
    empty: Option<Vec<u8>>,
    specs: Vec<Spec>,
    auto: bool,
    autocount: [usize; 2],
    unpaired: [bool; 2],
    paired: bool,
    eol: u8,
}

#[inline(always)]
fn blank(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == b'\n'
}

/// Field `n` of a line (from 0), or None and the number of fields when
/// it has fewer. Fields are split at each `tab`, or else at runs of blanks
/// with leading blanks ignored and trailing ones making one last empty
/// field, as in GNU. Plain loops: this is the hot path.
fn walk(line: &[u8], tab: Option<u8>, n: usize) -> (Option<&[u8]>, usize) {
    let len = line.len();
    if len == 0 {
        return (None, 0);
    }
    let mut k = 0;
    match tab {
        Some(t) => {
            let mut pos = 0;
            loop {
                let rest = &line[pos..];
                let end = memchr::memchr(t, rest);
                if k == n {
                    return (Some(&rest[..end.unwrap_or(rest.len())]), k + 1);
                }
                k += 1;
                match end {
                    Some(i) => pos += i + 1,
                    None => return (None, k),
                }
            }
        }
        None => {
            let mut pos = 0;
            while pos < len && blank(line[pos]) {
                pos += 1;
            }
            if pos >= len {
                return (None, 0);
            }
            loop {
                let start = pos;
                while pos < len && !blank(line[pos]) {
                    pos += 1;
                }
                if k == n {
                    return (Some(&line[start..pos]), k + 1);
                }
                k += 1;
                if pos == len {
                    return (None, k);
                }
                while pos < len && blank(line[pos]) {
                    pos += 1;
                }
            }
        }
    }
}

fn field(line: &[u8], tab: Option<u8>, n: usize) -> Option<&[u8]> {
    walk(line, tab, n).0
}

fn field_count(line: &[u8], tab: Option<u8>) -> usize {
    walk(line, tab, usize::MAX).1
}

fn keycmp(cfg: &Cfg, a: &[u8], fa: usize, b: &[u8], fb: usize) -> std::cmp::Ordering {
    let ka = field(a, cfg.tab, fa).unwrap_or(b"");
    let kb = field(b, cfg.tab, fb).unwrap_or(b"");
    if cfg.icase {
        ka.iter()
            .map(u8::to_ascii_lowercase)
            .cmp(kb.iter().map(u8::to_ascii_lowercase))
    } else {
        ka.cmp(kb)
    }
}

/// One input: its lines and the reading state GNU's order check needs.
struct File<'a> {
    name: &'a OsStr,
    lines: Vec<&'a [u8]>,
    /// The next line to read.
    next: usize,
    /// The previous line read, for the order check.
    prev: Option<usize>,
    warned: bool,
}

struct Join<'a> {
    cfg: Cfg,
    check: Check,
    seen_unpairable: bool,
    /// Set when `--check-order` found disorder: stop at once.
    fatal: bool,
    out: Out,
    diag: Diag,
    files: [File<'a>; 2],
}

impl<'a> Join<'a> {
    /// Reads the next line of file `w`, checking its order.
    fn get(&mut self, w: usize) -> Option<usize> {
        let f = &self.files[w];
        if self.fatal || f.next >= f.lines.len() {
            return None;
        }
        let i = f.next;
        self.files[w].next += 1;
        if let Some(p) = self.files[w].prev {
            self.check_order(w, p, i);
        }
        self.files[w].prev = Some(i);
        if self.fatal {
            return None;
        }
        Some(i)
    }

    fn check_order(&mut self, w: usize, prev: usize, cur: usize) {
        if self.check == Check::Off || (self.check == Check::Default && !self.seen_unpairable) {
            return;
        }
        if self.files[w].warned {
            return;
        }
        let f = &self.files[w];
        let k = self.cfg.key[w];
        if keycmp(&self.cfg, f.lines[prev], k, f.lines[cur], k) == std::cmp::Ordering::Greater {
            self.out.flush_now();
            let mut msg = Vec::new();
            msg.extend_from_slice(f.name.as_bytes());
            msg.extend_from_slice(format!(":{}: is not sorted: ", cur + 1).as_bytes());
            msg.extend_from_slice(f.lines[cur]);
            self.diag.error(String::from_utf8_lossy(&msg));
            self.files[w].warned = true;
            if self.check == Check::On {
                self.fatal = true;
            }
        }
    }

    fn line(&self, w: usize, i: Option<usize>) -> Option<&'a [u8]> {
        i.map(|i| self.files[w].lines[i])
    }

    fn put_field(&mut self, line: Option<&[u8]>, n: usize) {
        match line.and_then(|l| field(l, self.cfg.tab, n)) {
            Some(f) if !f.is_empty() => self.out.write_bytes(f),
            _ => {
                if let Some(e) = &self.cfg.empty {
                    self.out.write_bytes(e);
                }
            }
        }
    }

    fn sep(&mut self) {
        let s = [self.cfg.tab.unwrap_or(b' ')];
        self.out.write_bytes(&s);
    }

    /// Prints one output line for `l1` and `l2` (either may be missing).
    fn prjoin(&mut self, l1: Option<&'a [u8]>, l2: Option<&'a [u8]>) {
        let (jl, jf) = match l1 {
            Some(_) => (l1, self.cfg.key[0]),
            None => (l2, self.cfg.key[1]),
        };
        if !self.cfg.specs.is_empty() {
            let specs = std::mem::take(&mut self.cfg.specs);
            for (k, s) in specs.iter().enumerate() {
                if k > 0 {
                    self.sep();
                }
                match s.file {
                    0 => self.put_field(jl, jf),
                    1 => self.put_field(l1, s.field),
                    _ => self.put_field(l2, s.field),
                }
            }
            self.cfg.specs = specs;
        } else {
            self.put_field(jl, jf);
            for (w, l) in [(0, l1), (1, l2)] {
                let n = if self.cfg.auto {
                    self.cfg.autocount[w]
                } else {
                    l.map_or(0, |l| field_count(l, self.cfg.tab))
                };
                let key = self.cfg.key[w];
                for i in (0..n).filter(|&i| i != key) {
                    self.sep();
                    self.put_field(l, i);
                }
            }
        }
        self.out.write_bytes(&[self.cfg.eol]);
    }

    fn run(&mut self, header: bool) {
        let mut c1 = self.get(0);
        let mut c2 = self.get(1);
        if self.cfg.auto {
            self.cfg.autocount = [
                self.line(0, c1).map_or(0, |l| field_count(l, self.cfg.tab)),
                self.line(1, c2).map_or(0, |l| field_count(l, self.cfg.tab)),
            ];
        }
        if header && (c1.is_some() || c2.is_some()) {
            self.prjoin(self.line(0, c1), self.line(1, c2));
            self.files[0].prev = None;
            self.files[1].prev = None;
            if c1.is_some() {
                c1 = self.get(0);
            }
            if c2.is_some() {
                c2 = self.get(1);
            }
        }
        let (k1, k2) = (self.cfg.key[0], self.cfg.key[1]);
        while let (Some(a), Some(b)) = (c1, c2) {
            let (la, lb) = (self.files[0].lines[a], self.files[1].lines[b]);
            match keycmp(&self.cfg, la, k1, lb, k2) {
                std::cmp::Ordering::Less => {
                    if self.cfg.unpaired[0] {
                        self.prjoin(Some(la), None);
                    }
                    self.seen_unpairable = true;
                    c1 = self.get(0);
                }
                std::cmp::Ordering::Greater => {
                    if self.cfg.unpaired[1] {
                        self.prjoin(None, Some(lb));
                    }
                    self.seen_unpairable = true;
                    c2 = self.get(1);
                }
                std::cmp::Ordering::Equal => {
                    // The groups of equal keys: lines a.. and b.. up to the
                    // first line of each file with another key.
                    let mut end1 = a + 1;
                    let mut next1 = None;
                    while let Some(i) = self.get(0) {
                        if keycmp(&self.cfg, self.files[0].lines[i], k1, lb, k2).is_ne() {
                            next1 = Some(i);
                            break;
                        }
                        end1 = i + 1;
                    }
                    let mut end2 = b + 1;
                    let mut next2 = None;
                    while let Some(i) = self.get(1) {
                        if keycmp(&self.cfg, la, k1, self.files[1].lines[i], k2).is_ne() {
                            next2 = Some(i);
                            break;
                        }
                        end2 = i + 1;
                    }
                    if self.fatal {
                        return;
                    }
                    if self.cfg.paired {
                        for i in a..end1 {
                            for j in b..end2 {
                                let (x, y) = (self.files[0].lines[i], self.files[1].lines[j]);
                                self.prjoin(Some(x), Some(y));
                            }
                        }
                    }
                    c1 = next1;
                    c2 = next2;
                }
            }
            if self.fatal {
                return;
            }
        }
        // The rest of one file is read only when it is printed or checked.
        for w in 0..2 {
            let (cur, other) = if w == 0 { (c1, c2) } else { (c2, c1) };
            let Some(first) = cur else { continue };
            if !(self.cfg.unpaired[w] || self.check == Check::On) {
                continue;
            }
            if other.is_some() {
                self.seen_unpairable = true;
            }
            let mut i = Some(first);
            while let Some(n) = i {
                if self.cfg.unpaired[w] {
                    let l = self.files[w].lines[n];
                    if w == 0 {
                        self.prjoin(Some(l), None);
                    } else {
                        self.prjoin(None, Some(l));
                    }
                }
                i = self.get(w);
            }
            if self.fatal {
                return;
            }
        }
    }
}

fn read_all(name: &OsStr) -> io::Result<Vec<u8>> {
    let input = Input::open(name)?;
    let mut data = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = read_fd(input.fd(), &mut buf)?;
        if n == 0 {
            return Ok(data);
        }
        data.extend_from_slice(&buf[..n]);
    }
}

fn split_lines(data: &[u8], eol: u8) -> Vec<&[u8]> {
    let mut lines: Vec<&[u8]> = data.split(|&b| b == eol).collect();
    if data.last().is_none_or(|&b| b == eol) {
        lines.pop();
    }
    lines
}

fn field_number(s: &OsStr) -> Result<usize, String> {
    let t = s.as_bytes();
    let n = std::str::from_utf8(t)
        .ok()
        .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|d| d.parse::<usize>().ok());
    match n {
        Some(n) if n > 0 => Ok(n - 1),
        _ => Err(format!("invalid field number: '{}'", String::from_utf8_lossy(t))),
    }
}

fn parse_specs(s: &[u8], specs: &mut Vec<Spec>) -> Result<(), String> {
    // Every item counts, so `1.1,,2.2` is an error, as in GNU.
    for item in s.split(|&b| b == b',' || b == b' ' || b == b'\t') {
        let shown = String::from_utf8_lossy(item);
        let spec = match item.first() {
            Some(b'0') if item.len() == 1 => Spec { file: 0, field: 0 },
            Some(b'0') => return Err(format!("invalid field specifier: '{shown}'")),
            Some(&f @ (b'1' | b'2')) => {
                if item.get(1) != Some(&b'.') {
                    return Err(format!("invalid field specifier: '{shown}'"));
                }
                let field = field_number(OsStr::from_bytes(&item[2..]))?;
                Spec { file: f - b'0', field }
            }
            _ => return Err(format!("invalid file number in field spec: '{shown}'")),
        };
        specs.push(spec);
    }
    Ok(())
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    match m.operands.len() {
        0 => return parser.usage_error(args, "missing operand"),
        1 => {
            let shown = String::from_utf8_lossy(m.operands[0].as_bytes()).into_owned();
            return parser.usage_error(args, format_args!("missing operand after '{shown}'"));
        }
        _ => {}
    }
    if let Err(status) = parser.at_most(args, &m, 2) {
        return status;
    }
    let mut cfg = Cfg {
        tab: None,
        key: [0, 0],
        icase: m.has("i"),
        empty: m.value("e").map(|e| e.as_bytes().to_vec()),
        specs: Vec::new(),
        auto: false,
        autocount: [0, 0],
        unpaired: [false, false],
        paired: true,
        eol: if m.has("z") { 0 } else { b'\n' },
    };
    let mut check = Check::Default;
    let bad = |diag: &mut Diag, msg: String| {
        diag.error(msg);
        1
    };
    for (idx, val) in &m.found {
        let name = OPTS[*idx].short;
        let long = OPTS[*idx].long;
        let v = val.as_deref().unwrap_or(OsStr::new(""));
        match (name, long) {
            (b'a' | b'v', _) => {
                let w = match v.as_bytes() {
                    b"1" => 0,
                    b"2" => 1,
                    _ => {
                        return bad(
                            &mut diag,
                            format!("invalid field number: '{}'", String::from_utf8_lossy(v.as_bytes())),
                        )
                    }
                };
                cfg.unpaired[w] = true;
                if name == b'v' {
                    cfg.paired = false;
                }
            }
            (b'j' | b'1' | b'2', _) => {
                let n = match field_number(v) {
                    Ok(n) => n,
                    Err(e) => return bad(&mut diag, e),
                };
                if name != b'2' {
                    cfg.key[0] = n;
                }
                if name != b'1' {
                    cfg.key[1] = n;
                }
            }
            (b'o', _) => {
                if v.as_bytes() == b"auto" {
                    cfg.auto = true;
                } else if let Err(e) = parse_specs(v.as_bytes(), &mut cfg.specs) {
                    return bad(&mut diag, e);
                }
            }
            (b't', _) => {
                let t = match v.as_bytes() {
                    [] => b'\n',
                    [c] => *c,
                    b"\\0" => 0,
                    other => {
                        return bad(
                            &mut diag,
                            format!("multi-character tab '{}'", String::from_utf8_lossy(other)),
                        )
                    }
                };
                if cfg.tab.is_some_and(|old| old != t) {
                    return bad(&mut diag, "incompatible tabs".into());
                }
                cfg.tab = Some(t);
            }
            (_, "check-order") => check = Check::On,
            (_, "nocheck-order") => check = Check::Off,
            _ => {}
        }
    }
    if m.operands[0].as_bytes() == b"-" && m.operands[1].as_bytes() == b"-" {
        return bad(&mut diag, "both files cannot be standard input".into());
    }
    let mut data = Vec::new();
    for op in &m.operands {
        match read_all(op) {
            Ok(d) => data.push(d),
            Err(e) => {
                diag.error(format_args!("{}: {}", String::from_utf8_lossy(op.as_bytes()), diag::strerror(&e)));
                return 1;
            }
        }
    }
    let file = |i: usize| File {
        name: m.operands[i].as_os_str(),
        lines: split_lines(&data[i], cfg.eol),
        next: 0,
        prev: None,
        warned: false,
    };
    let files = [file(0), file(1)];
    let mut j = Join {
        cfg,
        check,
        seen_unpairable: false,
        fatal: false,
        out: Out::stdout(),
        diag,
        files,
    };
    j.run(m.has("header"));
    if !j.fatal && (j.files[0].warned || j.files[1].warned) {
        j.out.flush_now();
        j.diag.error("input is not in sorted order");
    }
    j.out.close(&j.diag)
}
