//! expr: evaluate an expression.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/expr.html
//!
//! Each argument is one token. From loosest to tightest: `|`, `&`, the
//! comparisons `= == != < <= > >=` (numeric when both sides are integers,
//! else byte order), `+ -`, `* / %`, `:` (anchored BRE: the first `\(..\)`
//! group's text, else the length of the match), then GNU's `match STR RE`,
//! `substr STR POS LEN`, `index STR CHARS`, `length STR` and `+ TOKEN`
//! (TOKEN as a string even if it is an operator or keyword), `( E )`.
//! Branches that `|` and `&` do not need are parsed but not evaluated.
//! Integers are i64 (GNU's are unbounded): a number or a result beyond it
//! is an error with status 3. Lengths and positions count characters in a
//! UTF-8 locale, bytes otherwise; so does `:`, where a UTF-8 locale runs
//! the C library's matcher with UTF-8 characters (a back-reference to
//! non-ASCII text falls back to bytes).
//!
//! Exit status: 0 if the result is neither empty nor zero, 1 if it is, 2
//! for a syntax error, a non-integer argument, division by zero (as GNU
//! and BusyBox; POSIX leaves it open) or a bad regex, 3 for overflow.

use crate::diag::{self, Diag};
use crate::io::Out;
use crate::regex::{Pattern, Syntax};
use crate::{Applet, Dir};
use std::cmp::Ordering;
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "expr",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "EXPRESSION",
    help: "Print the value of EXPRESSION; exit 0 if it is neither empty nor 0, 1 if it is,\n\
2 if it is invalid, 3 on another error.\n\
\n\
\tA | B\tA if it is neither empty nor 0, else B\n\
\tA & B\tA if neither is empty or 0, else 0\n\
\tA < B, <= = == != >= >\tComparison: numeric for integers, else strings\n\
\tA + B, - * / %\tInteger arithmetic\n\
\tS : RE, match S RE\tAnchored BRE match: \\1 if RE has a group, else its length\n\
\tsubstr S POS LEN\tThe part of S from POS (1-based), LEN long\n\
\tindex S CHARS\tPosition of the first of CHARS in S, or 0\n\
\tlength S\tLength of S\n\
\t+ TOKEN\tTOKEN as a string, even a keyword or operator\n\
\t( E )\tGrouping",
    help_option: false,
    main,
};

#[derive(Clone, Debug)]
enum Val {
    Int(i64),
    Str(Vec<u8>),
}

struct Fail {
    status: i32,
    msg: String,
}

type R<T> = Result<T, Fail>;

fn fail<T>(status: i32, msg: impl Into<String>) -> R<T> {
    Err(Fail {
        status,
        msg: msg.into(),
    })
}

/// GNU's quote(): single quotes, C escapes for what is not printable.
fn quote(s: &[u8]) -> String {
    let mut q = String::from("'");
    for &b in s {
        match b {
            b'\'' | b'\\' => {
                q.push('\\');
                q.push(b as char);
            }
            b'\n' => q.push_str("\\n"),
            b'\t' => q.push_str("\\t"),
            0x20..=0x7e => q.push(b as char),
            _ => q.push_str(&format!("\\{b:03o}")),
        }
    }
    q.push('\'');
    q
}

/// An optional `-` and at least one digit.
fn looks_integer(s: &[u8]) -> bool {
    let d = s.strip_prefix(b"-").unwrap_or(s);
    !d.is_empty() && d.iter().all(u8::is_ascii_digit)
}

impl Val {
    fn null(&self) -> bool {
        match self {
            Val::Int(n) => *n == 0,
            Val::Str(s) => {
                let d = s.strip_prefix(b"-").unwrap_or(s);
                s.is_empty() || (!d.is_empty() && d.iter().all(|&b| b == b'0'))
            }
        }
    }

    fn bytes(&self) -> Vec<u8> {
        match self {
            Val::Int(n) => n.to_string().into_bytes(),
            Val::Str(s) => s.clone(),
        }
    }

    /// The integer, if the value is one; Err when it is too large.
    fn int(&self) -> R<Option<i64>> {
        match self {
            Val::Int(n) => Ok(Some(*n)),
            Val::Str(s) if looks_integer(s) => match std::str::from_utf8(s).ok().and_then(|t| t.parse().ok()) {
                Some(n) => Ok(Some(n)),
                None => fail(3, format!("{}: Numerical result out of range", String::from_utf8_lossy(s))),
            },
            Val::Str(_) => Ok(None),
        }
    }
}

/// Compares two integer strings by value, whatever their size.
fn cmp_decimal(a: &[u8], b: &[u8]) -> Ordering {
    fn split(s: &[u8]) -> (bool, &[u8]) {
        let (neg, d) = match s.strip_prefix(b"-") {
            Some(d) => (true, d),
            None => (false, s),
        };
        let first = d.iter().position(|&c| c != b'0').unwrap_or(d.len());
        let d = &d[first..];
        (neg && !d.is_empty(), d)
    }
    let (na, da) = split(a);
    let (nb, db) = split(b);
    let mag = da.len().cmp(&db.len()).then_with(|| da.cmp(db));
    match (na, nb) {
        (false, false) => mag,
        (true, true) => mag.reverse(),
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
    }
}

/// Character boundaries: UTF-8 sequences in a UTF-8 locale, else bytes.
fn chars(s: &[u8], utf8: bool) -> Vec<(usize, usize)> {
    let mut v = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let mut n = 1;
        if utf8 {
            let len = match s[i] {
                0xc2..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf4 => 4,
                _ => 1,
            };
            let end = (i + len).min(s.len());
            if len > 1 && std::str::from_utf8(&s[i..end]).is_ok() {
                n = end - i;
            }
        }
        v.push((i, i + n));
        i += n;
    }
    v
}

struct Expr<'a> {
    args: &'a [&'a [u8]],
    pos: usize,
    utf8: bool,
}

impl<'a> Expr<'a> {
    fn peek(&self) -> Option<&'a [u8]> {
        self.args.get(self.pos).copied()
    }

    fn next_is(&mut self, tok: &[u8]) -> bool {
        if self.peek() == Some(tok) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn next_of(&mut self, toks: &[&'static str]) -> Option<&'static str> {
        let t = self.peek()?;
        let hit = toks.iter().find(|k| k.as_bytes() == t).copied()?;
        self.pos += 1;
        Some(hit)
    }

    fn missing_after(&self) -> Fail {
        let prev = self.args[self.pos - 1];
        Fail {
            status: 2,
            msg: format!("syntax error: missing argument after {}", quote(prev)),
        }
    }

    /// `A | B`
    fn or(&mut self, ev: bool) -> R<Val> {
        let mut l = self.and(ev)?;
        while self.next_is(b"|") {
            let r = self.and(ev && l.null())?;
            if l.null() {
                l = if r.null() { Val::Int(0) } else { r };
            }
        }
        Ok(l)
    }

    /// `A & B`
    fn and(&mut self, ev: bool) -> R<Val> {
        let mut l = self.compare(ev)?;
        while self.next_is(b"&") {
            let r = self.compare(ev && !l.null())?;
            if l.null() || r.null() {
                l = Val::Int(0);
            }
        }
        Ok(l)
    }

    fn compare(&mut self, ev: bool) -> R<Val> {
        let mut l = self.sum(ev)?;
        while let Some(op) = self.next_of(&["<", "<=", "=", "==", "!=", ">=", ">"]) {
            let r = self.sum(ev)?;
            if !ev {
                l = Val::Int(0);
                continue;
            }
            let (a, b) = (l.bytes(), r.bytes());
            let ord = if looks_integer(&a) && looks_integer(&b) {
                cmp_decimal(&a, &b)
            } else {
                a.cmp(&b)
            };
            let t = match op {
                "<" => ord.is_lt(),
                "<=" => ord.is_le(),
                "=" | "==" => ord.is_eq(),
                "!=" => ord.is_ne(),
                ">=" => ord.is_ge(),
                _ => ord.is_gt(),
            };
            l = Val::Int(i64::from(t));
        }
        Ok(l)
    }

    fn ints(l: &Val, r: &Val) -> R<(i64, i64)> {
        match (l.int()?, r.int()?) {
            (Some(a), Some(b)) => Ok((a, b)),
            _ => fail(2, "non-integer argument"),
        }
    }

    fn sum(&mut self, ev: bool) -> R<Val> {
        let mut l = self.product(ev)?;
        while let Some(op) = self.next_of(&["+", "-"]) {
            let r = self.product(ev)?;
            if !ev {
                continue;
            }
            let (a, b) = Self::ints(&l, &r)?;
            let v = if op == "+" { a.checked_add(b) } else { a.checked_sub(b) };
            l = Val::Int(v.ok_or_else(overflow)?);
        }
        Ok(l)
    }

    fn product(&mut self, ev: bool) -> R<Val> {
        let mut l = self.colon(ev)?;
        while let Some(op) = self.next_of(&["*", "/", "%"]) {
            let r = self.colon(ev)?;
            if !ev {
                continue;
            }
            let (a, b) = Self::ints(&l, &r)?;
            if op != "*" && b == 0 {
                return fail(2, "division by zero");
            }
            let v = match op {
                "*" => a.checked_mul(b),
                "/" => a.checked_div(b),
                _ => a.checked_rem(b),
            };
            l = Val::Int(v.ok_or_else(overflow)?);
        }
        Ok(l)
    }

    fn colon(&mut self, ev: bool) -> R<Val> {
        let mut l = self.unary(ev)?;
        while self.next_is(b":") {
            let r = self.unary(ev)?;
            l = if ev { self.matches(&l, &r)? } else { Val::Int(0) };
        }
        Ok(l)
    }

    fn matches(&self, s: &Val, re: &Val) -> R<Val> {
        let (text, re) = (s.bytes(), re.bytes());
        // Matches are anchored at the start (a `^` of the pattern's own is
        // an anchor too, as in GNU).
        let mut src = if re.starts_with(b"^") { Vec::new() } else { b"^".to_vec() };
        src.extend_from_slice(&re);
        let pat = match Pattern::new(&src, Syntax::default()) {
            Ok(p) => p,
            Err(msg) => return fail(2, msg),
        };
        let mut spans = vec![None; pat.groups() + 1];
        let hit = if self.utf8 && !(text.is_ascii() && src.is_ascii()) {
            // musl's matcher misses a back-reference to non-ASCII text
            // (`\(é\)\1`); the byte matcher gets those that `.` and
            // brackets do not take part in.
            utf8_captures(&src, &text, &mut spans)
                || (has_backref(&src) && pat.captures_at(&text, 0, &mut spans))
        } else {
            pat.captures_at(&text, 0, &mut spans)
        };
        if pat.groups() > 0 {
            return Ok(Val::Str(match spans.get(1).copied().flatten() {
                Some((a, b)) if hit => text[a..b].to_vec(),
                _ => Vec::new(),
            }));
        }
        let len = match spans[0] {
            Some((_, end)) if hit => chars(&text[..end], self.utf8).len(),
            _ => 0,
        };
        Ok(Val::Int(len as i64))
    }

    fn unary(&mut self, ev: bool) -> R<Val> {
        let Some(tok) = self.peek() else {
            return Err(self.missing_after());
        };
        match tok {
            b"+" => {
                self.pos += 1;
                let Some(t) = self.peek() else {
                    return Err(self.missing_after());
                };
                self.pos += 1;
                Ok(Val::Str(t.to_vec()))
            }
            b"length" => {
                self.pos += 1;
                let s = self.unary(ev)?;
                Ok(Val::Int(chars(&s.bytes(), self.utf8).len() as i64))
            }
            b"match" => {
                self.pos += 1;
                let s = self.unary(ev)?;
                let re = self.unary(ev)?;
                if ev {
                    self.matches(&s, &re)
                } else {
                    Ok(Val::Int(0))
                }
            }
            b"index" => {
                self.pos += 1;
                let s = self.unary(ev)?.bytes();
                let set = self.unary(ev)?.bytes();
                let set_chars: Vec<&[u8]> = chars(&set, self.utf8).iter().map(|&(a, b)| &set[a..b]).collect();
                let pos = chars(&s, self.utf8)
                    .iter()
                    .position(|&(a, b)| set_chars.contains(&&s[a..b]))
                    .map_or(0, |p| p + 1);
                Ok(Val::Int(pos as i64))
            }
            b"substr" => {
                self.pos += 1;
                let s = self.unary(ev)?.bytes();
                let p = self.unary(ev)?;
                let n = self.unary(ev)?;
                if !ev {
                    return Ok(Val::Int(0));
                }
                Ok(Val::Str(substr(&s, &p, &n, self.utf8)))
            }
            _ => self.primary(ev),
        }
    }

    fn primary(&mut self, ev: bool) -> R<Val> {
        let Some(tok) = self.peek() else {
            return Err(self.missing_after());
        };
        self.pos += 1;
        match tok {
            b"(" => {
                let v = self.or(ev)?;
                match self.peek() {
                    None => fail(2, format!("syntax error: expecting ')' after {}", quote(self.args[self.pos - 1]))),
                    Some(b")") => {
                        self.pos += 1;
                        Ok(v)
                    }
                    Some(t) => fail(2, format!("syntax error: expecting ')' instead of {}", quote(t))),
                }
            }
            b")" => fail(2, "syntax error: unexpected ')'"),
            _ => Ok(Val::Str(tok.to_vec())),
        }
    }
}

/// Whether a BRE has a `\1`..`\9` (outside brackets, roughly: a false
/// yes only costs a second try).
fn has_backref(src: &[u8]) -> bool {
    src.windows(2)
        .any(|w| w[0] == b'\\' && (b'1'..=b'9').contains(&w[1]))
}

/// A match in a UTF-8 locale: the C library's matcher with its character
/// type set to UTF-8 for the call (and set back after), so `.`, brackets
/// and `*` take whole characters, classes know non-ASCII letters and an
/// invalid sequence is matched by nothing, as GNU's matcher does. Only
/// non-ASCII input comes here: on ASCII both readings agree.
fn utf8_captures(src: &[u8], text: &[u8], spans: &mut [crate::regex::Span]) -> bool {
    use crate::regex::{Flags, Regex};
    crate::sys::with_utf8_ctype(|| {
        Regex::new(src, Flags::default()).is_ok_and(|re| re.exec(text, false, spans))
    })
}

fn overflow() -> Fail {
    Fail {
        status: 3,
        msg: "integer overflow".into(),
    }
}

/// GNU's substr: empty unless POS and LEN are integers, 1 <= POS <= length
/// and LEN > 0; a negative LEN gives nothing, a huge one the rest.
fn substr(s: &[u8], p: &Val, n: &Val, utf8: bool) -> Vec<u8> {
    let size = |v: &Val| -> Option<u64> {
        let b = v.bytes();
        if !looks_integer(&b) {
            return None;
        }
        if b[0] == b'-' {
            return Some(u64::MAX);
        }
        Some(std::str::from_utf8(&b).ok()?.parse().unwrap_or(u64::MAX - 1))
    };
    let (Some(pos), Some(len)) = (size(p), size(n)) else {
        return Vec::new();
    };
    let cs = chars(s, utf8);
    let count = cs.len() as u64;
    if pos == 0 || pos > count || len == 0 || len == u64::MAX {
        return Vec::new();
    }
    let first = (pos - 1) as usize;
    let last = (first as u64 + len.min(count - pos + 1)) as usize;
    s[cs[first].0..cs[last - 1].1].to_vec()
}

fn main(args: &[OsString]) -> i32 {
    let diag = Diag::new(args);
    let mut toks: Vec<&[u8]> = args.iter().skip(1).map(|a| a.as_bytes()).collect();
    if toks.len() == 1 && toks[0] == b"--help" {
        let mut out = Out::stdout();
        crate::args::help(&APPLET, diag.name(), &mut out);
        return out.finish(diag.name(), 0);
    }
    if toks.first() == Some(&&b"--"[..]) {
        toks.remove(0);
    }
    if toks.is_empty() {
        let mut text = format!("{}: missing operand\n", diag.name()).into_bytes();
        text.extend_from_slice(crate::args::usage_line(&APPLET, diag.name()).as_bytes());
        diag::write_stderr(&text);
        return 2;
    }
    let mut e = Expr {
        args: &toks,
        pos: 0,
        utf8: crate::sys::utf8_locale(),
    };
    let result = e.or(true).and_then(|v| match e.peek() {
        None => Ok(v),
        Some(t) => fail(2, format!("syntax error: unexpected argument {}", quote(t))),
    });
    match result {
        Ok(v) => {
            let mut out = Out::stdout();
            let mut line = v.bytes();
            line.push(b'\n');
            out.write_bytes(&line);
            out.finish(diag.name(), i32::from(v.null()))
        }
        Err(f) => {
            diag.warn(f.msg);
            f.status
        }
    }
}
