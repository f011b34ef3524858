//! POSIX BRE and ERE, with GNU's extensions and its readings of the cases
//! POSIX leaves open, parsed into a small tree that is then written out for
//! either engine.
//!
//! The readings (each checked against GNU grep 3.8):
//! - ERE: `*`, `+`, `?` and an interval at the start of an expression (or
//!   after `(` or `|`) repeat nothing and so match the empty string; `{`
//!   not starting a valid interval is a literal; `{,n}` is `{0,n}`; an
//!   unmatched `)` is a literal; `\(` is a literal `(`.
//! - BRE: `*` is a literal at the start of an expression, after `\(`,
//!   `\|` or an anchoring `^`; `^` anchors only there, `$` only at the end
//!   or before `\)` or `\|`; `\+`, `\?` and `\|` are GNU's extensions.
//! - Both: `\1`..`\9`, `\w \W \s \S \b \B \< \> \` \'`; any other escaped
//!   character is itself; a backslash is literal inside brackets.
//! - Case folding (`icase`) is applied here: letters become two-member sets.

/// A parsed expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Empty,
    Byte(u8),
    /// A set of bytes (bracket expressions, `.`, `\w`, folded letters).
    Set(Box<[bool; 256]>),
    LineStart,
    LineEnd,
    BufStart,
    BufEnd,
    WordBoundary,
    NotWordBoundary,
    WordStart,
    WordEnd,
    /// No word byte before (grep -w, built only for the fast engine).
    #[cfg_attr(not(feature = "fast-regex"), allow(dead_code))]
    NotWordBefore,
    /// No word byte after (grep -w, built only for the fast engine).
    #[cfg_attr(not(feature = "fast-regex"), allow(dead_code))]
    NotWordAfter,
    Group(Box<Node>, usize),
    Backref(usize),
    Repeat(Box<Node>, u32, Option<u32>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
}

/// The result of parsing: the tree and what it needs of an engine.
#[derive(Debug)]
pub struct Parsed {
    pub node: Node,
    pub groups: usize,
}

/// How a pattern is read.
#[derive(Clone, Copy, Debug, Default)]
pub struct Syntax {
    pub extended: bool,
    pub icase: bool,
    /// `.` and negated sets leave out the newline.
    pub newline: bool,
}

/// The largest repeat count, as GNU's RE_DUP_MAX.
pub const DUP_MAX: u32 = 32767;

struct Parser<'a> {
    p: &'a [u8],
    i: usize,
    syn: Syntax,
    groups: usize,
    /// Groups closed so far (a back-reference must name one).
    closed: Vec<usize>,
    depth: usize,
}

type R<T> = Result<T, String>;

const UNMATCHED_BRACKET: &str = "Unmatched [, [^, [:, [., or [=";

/// Parses `pattern`.
pub fn parse(pattern: &[u8], syn: Syntax) -> R<Parsed> {
    let mut p = Parser {
        p: pattern,
        i: 0,
        syn,
        groups: 0,
        closed: Vec::new(),
        depth: 0,
    };
    let node = p.alt(0)?;
    if p.i < p.p.len() {
        // Only an unmatched BRE `\)` stops the top level early.
        return Err("Unmatched ) or \\)".into());
    }
    Ok(Parsed {
        node,
        groups: p.groups,
    })
}

fn word_set() -> Box<[bool; 256]> {
    let mut s = Box::new([false; 256]);
    for b in 0..=255u8 {
        s[b as usize] = b.is_ascii_alphanumeric() || b == b'_';
    }
    s
}

fn space_set() -> Box<[bool; 256]> {
    let mut s = Box::new([false; 256]);
    for b in [b' ', b'\t', b'\n', b'\r', 0x0b, 0x0c] {
        s[b as usize] = true;
    }
    s
}

fn negate(mut s: Box<[bool; 256]>) -> Box<[bool; 256]> {
    for v in s.iter_mut() {
        *v = !*v;
    }
    s
}

/// The members of a named class in the C locale.
fn class(name: &[u8]) -> Option<fn(u8) -> bool> {
    Some(match name {
        b"alpha" => |b: u8| b.is_ascii_alphabetic(),
        b"digit" => |b: u8| b.is_ascii_digit(),
        b"alnum" => |b: u8| b.is_ascii_alphanumeric(),
        b"upper" => |b: u8| b.is_ascii_uppercase(),
        b"lower" => |b: u8| b.is_ascii_lowercase(),
        b"space" => |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c),
        b"blank" => |b: u8| b == b' ' || b == b'\t',
        b"punct" => |b: u8| b.is_ascii_punctuation(),
        b"print" => |b: u8| (0x20..0x7f).contains(&b),
        b"graph" => |b: u8| b.is_ascii_graphic(),
        b"cntrl" => |b: u8| b < 0x20 || b == 0x7f,
        b"xdigit" => |b: u8| b.is_ascii_hexdigit(),
        _ => return None,
    })
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.p.get(self.i).copied()
    }

    fn peek2(&self) -> Option<u8> {
        self.p.get(self.i + 1).copied()
    }

    fn ere(&self) -> bool {
        self.syn.extended
    }

    /// At `|` (ERE) or `\|` (BRE)?
    fn at_alt(&self) -> bool {
        if self.ere() {
            self.peek() == Some(b'|')
        } else {
            self.peek() == Some(b'\\') && self.peek2() == Some(b'|')
        }
    }

    /// At the `)` closing a group at `level` > 0?
    fn at_close(&self, level: usize) -> bool {
        if self.ere() {
            level > 0 && self.peek() == Some(b')')
        } else {
            self.peek() == Some(b'\\') && self.peek2() == Some(b')')
        }
    }

    fn alt(&mut self, level: usize) -> R<Node> {
        self.depth += 1;
        if self.depth > 1000 {
            return Err("Regular expression too big".into());
        }
        let mut branches = vec![self.concat(level)?];
        while self.at_alt() {
            self.i += if self.ere() { 1 } else { 2 };
            branches.push(self.concat(level)?);
        }
        self.depth -= 1;
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }

    fn concat(&mut self, level: usize) -> R<Node> {
        let mut items: Vec<Node> = Vec::new();
        // Where a BRE `*` is literal and `^` anchors.
        let mut at_start = true;
        loop {
            if self.i >= self.p.len() || self.at_alt() || self.at_close(level) {
                break;
            }
            let c = self.p[self.i];
            // Repetition operators.
            if let Some((min, max, len)) = self.repeat_op(at_start)? {
                self.i += len;
                match items.pop() {
                    Some(prev) if !matches!(prev, Node::LineStart) || self.ere() => {
                        items.push(Node::Repeat(Box::new(prev), min, max));
                    }
                    Some(prev) => {
                        items.push(prev);
                        items.push(Node::Repeat(Box::new(Node::Empty), min, max));
                    }
                    None => items.push(Node::Repeat(Box::new(Node::Empty), min, max)),
                }
                at_start = false;
                continue;
            }
            let atom = match c {
                b'^' if self.ere() || at_start => {
                    self.i += 1;
                    items.push(Node::LineStart);
                    // A BRE `*` after an anchoring `^` is literal.
                    continue;
                }
                b'$' if self.ere() || self.dollar_anchors(level) => {
                    self.i += 1;
                    Node::LineEnd
                }
                b'.' => {
                    self.i += 1;
                    let mut s = Box::new([true; 256]);
                    if self.syn.newline {
                        s[b'\n' as usize] = false;
                    }
                    Node::Set(s)
                }
                b'[' => {
                    self.i += 1;
                    self.bracket()?
                }
                b'(' if self.ere() => {
                    self.i += 1;
                    self.group(level)?
                }
                b'\\' => self.escape(level)?,
                _ => {
                    self.i += 1;
                    self.byte(c)
                }
            };
            items.push(atom);
            at_start = false;
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// BRE: does the `$` at `self.i` anchor?
    fn dollar_anchors(&self, level: usize) -> bool {
        let rest = &self.p[self.i + 1..];
        rest.is_empty() || rest.starts_with(b"\\|") || (level > 0 && rest.starts_with(b"\\)"))
    }

    /// A repetition operator at `self.i`: (min, max, length).
    fn repeat_op(&self, at_start: bool) -> R<Option<(u32, Option<u32>, usize)>> {
        let c = match self.peek() {
            Some(c) => c,
            None => return Ok(None),
        };
        if self.ere() {
            match c {
                b'*' => return Ok(Some((0, None, 1))),
                b'+' => return Ok(Some((1, None, 1))),
                b'?' => return Ok(Some((0, Some(1), 1))),
                b'{' => {
                    return Ok(self
                        .interval(self.i + 1, false)?
                        .map(|(a, b, n)| (a, b, n + 1)))
                }
                _ => return Ok(None),
            }
        }
        match c {
            b'*' if !at_start => Ok(Some((0, None, 1))),
            b'\\' => match self.peek2() {
                Some(b'+') if !at_start => Ok(Some((1, None, 2))),
                Some(b'?') if !at_start => Ok(Some((0, Some(1), 2))),
                Some(b'{') if !at_start => {
                    // GNU: no `\}` at all is "Unmatched"; a bad body before
                    // one is "Invalid content".
                    let rest = &self.p[self.i + 2..];
                    let close = rest.windows(2).position(|w| w == b"\\}");
                    if close.is_none() {
                        return Err("Unmatched \\{".into());
                    }
                    let (a, b, n) = self.interval(self.i + 2, true)?.ok_or("Unmatched \\{")?;
                    Ok(Some((a, b, n + 2)))
                }
                _ => Ok(None),
            },
            _ => Ok(None),
        }
    }

    /// Reads `m}`, `m,}`, `m,n}`, `,n}` from `at` (a BRE interval ends with
    /// `\}`). ERE: None when it is not a valid interval (then `{` is a
    /// literal); BRE: errors.
    fn interval(&self, at: usize, bre: bool) -> R<Option<(u32, Option<u32>, usize)>> {
        let p = self.p;
        let mut j = at;
        let num = |j: &mut usize| -> Option<u64> {
            let s = *j;
            let mut v: u64 = 0;
            while *j < p.len() && p[*j].is_ascii_digit() {
                v = (v * 10 + u64::from(p[*j] - b'0')).min(u64::from(u32::MAX));
                *j += 1;
            }
            (*j > s).then_some(v)
        };
        let min = num(&mut j);
        if !(j < p.len() && p[j] == b',') {
            if min.is_none() {
                return if bre {
                    Err("Invalid content of \\{\\}".into())
                } else {
                    Ok(None)
                };
            }
            let max = min;
            if bre && !(j + 1 < p.len() && p[j] == b'\\' && p[j + 1] == b'}') {
                return Err(if j >= p.len() {
                    "Unmatched \\{"
                } else {
                    "Invalid content of \\{\\}"
                }
                .into());
            }
            if bre {
                return self.checked(min.unwrap_or(0), max, j + 2 - at);
            }
            if j < p.len() && p[j] == b'}' {
                return self.checked(min.unwrap_or(0), max, j + 1 - at);
            }
            return Ok(None);
        }
        j += 1;
        let max = num(&mut j);
        let close = if bre {
            j + 1 < p.len() && p[j] == b'\\' && p[j + 1] == b'}'
        } else {
            j < p.len() && p[j] == b'}'
        };
        if !close {
            if bre {
                return Err(if j >= p.len() {
                    "Unmatched \\{"
                } else {
                    "Invalid content of \\{\\}"
                }
                .into());
            }
            return Ok(None);
        }
        let len = j + if bre { 2 } else { 1 } - at;
        let max_v = if min.is_none() && max.is_none() {
            None
        } else {
            max
        };
        self.checked(min.unwrap_or(0), max_v, len)
    }

    fn checked(
        &self,
        min: u64,
        max: Option<u64>,
        len: usize,
    ) -> R<Option<(u32, Option<u32>, usize)>> {
        if let Some(m) = max {
            if m < min {
                return Err("Invalid content of \\{\\}".into());
            }
        }
        if min > u64::from(DUP_MAX) || max.is_some_and(|m| m > u64::from(DUP_MAX)) {
            return Err("Regular expression too big".into());
        }
        Ok(Some((min as u32, max.map(|m| m as u32), len)))
    }

    fn group(&mut self, level: usize) -> R<Node> {
        self.groups += 1;
        let n = self.groups;
        let inner = self.alt(level + 1)?;
        let closed = if self.ere() {
            self.peek() == Some(b')')
        } else {
            self.peek() == Some(b'\\') && self.peek2() == Some(b')')
        };
        if !closed {
            return Err("Unmatched ( or \\(".into());
        }
        self.i += if self.ere() { 1 } else { 2 };
        self.closed.push(n);
        Ok(Node::Group(Box::new(inner), n))
    }

    fn byte(&self, c: u8) -> Node {
        if self.syn.icase && c.is_ascii_alphabetic() {
            let mut s = Box::new([false; 256]);
            s[c.to_ascii_lowercase() as usize] = true;
            s[c.to_ascii_uppercase() as usize] = true;
            Node::Set(s)
        } else {
            Node::Byte(c)
        }
    }

    fn escape(&mut self, level: usize) -> R<Node> {
        let Some(&c) = self.p.get(self.i + 1) else {
            return Err("Trailing backslash".into());
        };
        self.i += 2;
        Ok(match c {
            b'(' if !self.ere() => self.group(level)?,
            b')' if !self.ere() => return Err("Unmatched ) or \\)".into()),
            b'{' if !self.ere() => return Err("Invalid preceding regular expression".into()),
            b'1'..=b'9' => {
                let n = usize::from(c - b'0');
                if !self.closed.contains(&n) {
                    return Err("Invalid back reference".into());
                }
                Node::Backref(n)
            }
            b'w' => Node::Set(word_set()),
            b'W' => Node::Set(negate(word_set())),
            b's' => Node::Set(space_set()),
            b'S' => Node::Set(negate(space_set())),
            b'b' => Node::WordBoundary,
            b'B' => Node::NotWordBoundary,
            b'<' => Node::WordStart,
            b'>' => Node::WordEnd,
            b'`' => Node::BufStart,
            b'\'' => Node::BufEnd,
            _ => self.byte(c),
        })
    }

    /// A bracket expression; `self.i` is just past the `[`.
    fn bracket(&mut self) -> R<Node> {
        let p = self.p;
        let mut set = Box::new([false; 256]);
        let mut negated = false;
        if self.peek() == Some(b'^') {
            negated = true;
            self.i += 1;
        }
        let start = self.i;
        loop {
            let Some(c) = self.peek() else {
                return Err(UNMATCHED_BRACKET.into());
            };
            if c == b']' && self.i > start {
                self.i += 1;
                break;
            }
            // One element: a class, an equivalence class, a collating
            // symbol or a byte; then maybe a range.
            let lo = if c == b'[' && matches!(self.peek2(), Some(b':' | b'=' | b'.')) {
                let kind = p[self.i + 1];
                let body = self.i + 2;
                let mut j = body;
                while j + 1 < p.len() && !(p[j] == kind && p[j + 1] == b']') {
                    j += 1;
                }
                if j + 1 >= p.len() {
                    return Err(UNMATCHED_BRACKET.into());
                }
                let name = &p[body..j];
                self.i = j + 2;
                match kind {
                    b':' => {
                        let f = class(name).ok_or("Invalid character class name")?;
                        for b in 0..=255u8 {
                            if f(b) {
                                set[b as usize] = true;
                            }
                        }
                        continue;
                    }
                    _ => {
                        if name.len() != 1 {
                            return Err("Invalid collation character".into());
                        }
                        if kind == b'=' {
                            set[name[0] as usize] = true;
                            continue;
                        }
                        name[0]
                    }
                }
            } else {
                self.i += 1;
                c
            };
            // A range?
            if self.peek() == Some(b'-') && self.peek2().is_some_and(|n| n != b']') {
                self.i += 1;
                let hi = if self.peek() == Some(b'[') && self.peek2() == Some(b'.') {
                    let body = self.i + 2;
                    if body + 2 < p.len() + 1
                        && p.get(body + 1) == Some(&b'.')
                        && p.get(body + 2) == Some(&b']')
                    {
                        self.i = body + 3;
                        p[body]
                    } else {
                        return Err("Invalid range end".into());
                    }
                } else if self.peek() == Some(b'[') && matches!(self.peek2(), Some(b':' | b'=')) {
                    return Err("Invalid range end".into());
                } else {
                    let Some(h) = self.peek() else {
                        return Err(UNMATCHED_BRACKET.into());
                    };
                    self.i += 1;
                    h
                };
                if hi < lo {
                    return Err("Invalid range end".into());
                }
                for b in lo..=hi {
                    set[b as usize] = true;
                }
            } else {
                set[lo as usize] = true;
            }
        }
        if self.syn.icase {
            for b in b'a'..=b'z' {
                let u = b.to_ascii_uppercase();
                if set[b as usize] || set[u as usize] {
                    set[b as usize] = true;
                    set[u as usize] = true;
                }
            }
        }
        if negated {
            set = negate(set);
            if self.syn.newline {
                set[b'\n' as usize] = false;
            }
        }
        Ok(Node::Set(set))
    }
}

/// A fixed string, as `grep -F` takes it.
pub fn literal(bytes: &[u8], icase: bool) -> Node {
    let syn = Syntax {
        icase,
        ..Syntax::default()
    };
    let p = Parser {
        p: b"",
        i: 0,
        syn,
        groups: 0,
        closed: Vec::new(),
        depth: 0,
    };
    match bytes.len() {
        0 => Node::Empty,
        1 => p.byte(bytes[0]),
        _ => Node::Concat(bytes.iter().map(|&b| p.byte(b)).collect()),
    }
}

/// Takes `byte` out of every set: a line matcher's matches never cross a
/// line terminator.
pub fn exclude(node: &mut Node, byte: u8) {
    match node {
        Node::Set(s) => s[byte as usize] = false,
        Node::Group(n, _) | Node::Repeat(n, ..) => exclude(n, byte),
        Node::Concat(v) | Node::Alt(v) => v.iter_mut().for_each(|n| exclude(n, byte)),
        _ => {}
    }
}

/// Whether a pattern is the grep mistake `[:space:]` for `[[:space:]]`:
/// GNU refuses it.
pub fn bare_class(pattern: &[u8]) -> Option<&[u8]> {
    let mut i = 0;
    while i < pattern.len() {
        match pattern[i] {
            b'\\' => i += 2,
            b'[' => {
                if pattern.get(i + 1) == Some(&b':') {
                    let rest = &pattern[i + 2..];
                    let end = rest.iter().position(|&b| b == b':')?;
                    if rest.get(end + 1) == Some(&b']') && class(&rest[..end]).is_some() {
                        return Some(&rest[..end]);
                    }
                }
                // Skip the bracket expression.
                let mut j = i + 1;
                if pattern.get(j) == Some(&b'^') {
                    j += 1;
                }
                if pattern.get(j) == Some(&b']') {
                    j += 1;
                }
                while j < pattern.len() && pattern[j] != b']' {
                    if pattern[j] == b'[' && matches!(pattern.get(j + 1), Some(b':' | b'=' | b'.'))
                    {
                        let k = pattern[j + 1];
                        j += 2;
                        while j + 1 < pattern.len() && !(pattern[j] == k && pattern[j + 1] == b']')
                        {
                            j += 1;
                        }
                        j += 2;
                    } else {
                        j += 1;
                    }
                }
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    None
}

// ---------------------------------------------------------------------
// Writing the tree out.
// ---------------------------------------------------------------------

fn set_ranges(s: &[bool; 256]) -> Vec<(u8, u8)> {
    let mut out = Vec::new();
    let mut b = 0usize;
    while b < 256 {
        if s[b] {
            let lo = b;
            while b + 1 < 256 && s[b + 1] {
                b += 1;
            }
            out.push((lo as u8, b as u8));
        }
        b += 1;
    }
    out
}

#[cfg(feature = "fast-regex")]
/// Writes the tree as a pattern for the `regex` crate's syntax, in byte
/// mode. None when it cannot be said there (back-references).
pub fn to_fast(node: &Node, multiline: bool) -> Option<String> {
    let mut out = String::from("(?-u)");
    fast(node, multiline, &mut out)?;
    Some(out)
}

#[cfg(feature = "fast-regex")]
fn fast(node: &Node, ml: bool, out: &mut String) -> Option<()> {
    use std::fmt::Write;
    match node {
        Node::Empty => out.push_str("(?:)"),
        Node::Byte(b) => {
            let _ = write!(out, "\\x{b:02X}");
        }
        Node::Set(s) => {
            let r = set_ranges(s);
            if r.is_empty() {
                // Matches nothing.
                out.push_str("[^\\x00-\\xFF]");
            } else {
                out.push('[');
                for (lo, hi) in r {
                    if lo == hi {
                        let _ = write!(out, "\\x{lo:02X}");
                    } else {
                        let _ = write!(out, "\\x{lo:02X}-\\x{hi:02X}");
                    }
                }
                out.push(']');
            }
        }
        Node::LineStart => out.push_str(if ml { "(?m:^)" } else { "\\A" }),
        Node::LineEnd => out.push_str(if ml { "(?m:$)" } else { "\\z" }),
        Node::BufStart => out.push_str("\\A"),
        Node::BufEnd => out.push_str("\\z"),
        Node::WordBoundary => out.push_str("\\b"),
        Node::NotWordBoundary => out.push_str("\\B"),
        Node::WordStart => out.push_str("\\b{start}"),
        Node::WordEnd => out.push_str("\\b{end}"),
        Node::NotWordBefore => out.push_str("\\b{start-half}"),
        Node::NotWordAfter => out.push_str("\\b{end-half}"),
        Node::Group(inner, _) => {
            out.push('(');
            fast(inner, ml, out)?;
            out.push(')');
        }
        Node::Backref(_) => return None,
        Node::Repeat(inner, min, max) => {
            out.push_str("(?:");
            fast(inner, ml, out)?;
            out.push(')');
            let _ = match max {
                None => write!(out, "{{{min},}}"),
                Some(m) => write!(out, "{{{min},{m}}}"),
            };
        }
        Node::Concat(items) => {
            for n in items {
                fast(n, ml, out)?;
            }
        }
        Node::Alt(branches) => {
            out.push_str("(?:");
            for (i, n) in branches.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                fast(n, ml, out)?;
            }
            out.push(')');
        }
    }
    Some(())
}

/// Writes the tree as a BRE for the C library (musl accepts GNU's
/// `\+ \? \| \b \< \>` and back-references there). None when a byte cannot
/// be written (NUL) or a construct has no ERE form.
pub fn to_posix(node: &Node) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    posix(node, &mut out)?;
    Some(out)
}

fn posix(node: &Node, out: &mut Vec<u8>) -> Option<()> {
    match node {
        Node::Empty => {}
        Node::Byte(0) => return None,
        Node::Byte(b) => {
            if b"\\^$.[*".contains(b) {
                out.push(b'\\');
            }
            out.push(*b);
        }
        Node::Set(s) => posix_set(s, out)?,
        Node::LineStart => out.push(b'^'),
        Node::LineEnd => out.push(b'$'),
        Node::BufStart | Node::BufEnd | Node::NotWordBoundary => return None,
        Node::NotWordBefore | Node::NotWordAfter => return None,
        Node::WordBoundary => out.extend_from_slice(b"\\b"),
        Node::WordStart => out.extend_from_slice(b"\\<"),
        Node::WordEnd => out.extend_from_slice(b"\\>"),
        Node::Group(inner, _) => {
            out.extend_from_slice(b"\\(");
            posix(inner, out)?;
            out.extend_from_slice(b"\\)");
        }
        Node::Backref(n) => {
            out.push(b'\\');
            out.push(b'0' + *n as u8);
        }
        Node::Repeat(inner, min, max) => {
            // The operand must be one atom; a non-capturing group does not
            // exist in ERE, so wrap only what needs it in a group that the
            // caller's numbering does not see: such trees (repeats of
            // concatenations outside a group) do not come from the parser.
            let atomic = matches!(
                **inner,
                Node::Byte(_) | Node::Set(_) | Node::Group(..) | Node::Backref(_)
            );
            if let Node::Repeat(x, mi, xi) = &**inner {
                let (m2, x2) = merge_repeats(*mi, *xi, *min, *max)?;
                return posix(&Node::Repeat(x.clone(), m2, x2), out);
            }
            if matches!(
                **inner,
                Node::LineStart
                    | Node::LineEnd
                    | Node::WordBoundary
                    | Node::WordStart
                    | Node::WordEnd
            ) {
                // A repeated assertion (ERE `^*`, `$+`): zero times always
                // matches, once or more is the assertion itself.
                if *min > 0 {
                    posix(inner, out)?;
                }
                return Some(());
            }
            if !atomic {
                if matches!(**inner, Node::Empty) {
                    // A repeat of nothing matches the empty string.
                    return Some(());
                }
                return None;
            }
            posix(inner, out)?;
            match (min, max) {
                (0, None) => out.push(b'*'),
                (1, None) => out.extend_from_slice(b"\\+"),
                (0, Some(1)) => out.extend_from_slice(b"\\?"),
                (m, None) => out.extend_from_slice(format!("\\{{{m},\\}}").as_bytes()),
                (m, Some(x)) if m == x => out.extend_from_slice(format!("\\{{{m}\\}}").as_bytes()),
                (m, Some(x)) => out.extend_from_slice(format!("\\{{{m},{x}\\}}").as_bytes()),
            }
        }
        Node::Concat(items) => {
            for n in items {
                posix(n, out)?;
            }
        }
        Node::Alt(branches) => {
            for (i, n) in branches.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(b"\\|");
                }
                posix(n, out)?;
            }
        }
    }
    Some(())
}

/// `(x{mi,xi}){mo,xo}` as one `x{m,x}` (None for unbounded), when the
/// counts it allows are one unbroken range: the union over k in mo..=xo
/// of k*mi..=k*xi. None when they are not (`(aa)*`, `(a{2,})*`), or the
/// counts are past what the C library takes.
fn merge_repeats(mi: u32, xi: Option<u32>, mo: u32, xo: Option<u32>) -> Option<(u32, Option<u32>)> {
    const DUP_MAX: u32 = 255;
    if xo == Some(0) || xi == Some(0) {
        return Some((0, Some(0)));
    }
    // From no repetition (k = 0) to one (k = 1): 0 then mi.., unbroken
    // only if mi <= 1.
    if mo == 0 && mi > 1 {
        return None;
    }
    // From k to k + 1 times: k*xi + 1 >= (k+1)*mi, hardest at the least k
    // that has a successor.
    if let Some(x) = xi {
        let k = mo.max(1);
        if xo.is_none_or(|o| o > k) && u64::from(k) * u64::from(x - mi) + 1 < u64::from(mi) {
            return None;
        }
    }
    let lo = mi.checked_mul(mo).filter(|&v| v <= DUP_MAX)?;
    let hi = match (xi, xo) {
        (Some(a), Some(b)) => Some(a.checked_mul(b).filter(|&v| v <= DUP_MAX)?),
        _ => None,
    };
    Some((lo, hi))
}

/// Writes a byte set as a bracket expression. NUL cannot be written, so a
/// set holding it is written negated (NUL never reaches the C matcher).
fn posix_set(s: &[bool; 256], out: &mut Vec<u8>) -> Option<()> {
    let mut t = *s;
    let neg = t[0];
    if neg {
        for v in t.iter_mut() {
            *v = !*v;
        }
    }
    t[0] = false;
    let special = |b: u8| matches!(b, b']' | b'-' | b'^' | b'[');
    let single = |t: &mut [bool; 4], b: u8| {
        if let Some(i) = b"]-^[".iter().position(|&c| c == b) {
            t[i] = true;
        }
    };
    let mut singles = [false; 4];
    let mut ranges = Vec::new();
    for (mut lo, mut hi) in set_ranges(&t) {
        while lo < hi && special(lo) {
            single(&mut singles, lo);
            lo += 1;
        }
        while hi > lo && special(hi) {
            single(&mut singles, hi);
            hi -= 1;
        }
        if lo == hi && special(lo) {
            single(&mut singles, lo);
        } else {
            ranges.push((lo, hi));
        }
    }
    let [close, dash, caret, open] = singles;
    let nothing_else = ranges.is_empty() && !close && !open;
    if nothing_else && !dash {
        return match (neg, caret) {
            // Every byte.
            (true, false) => {
                out.push(b'.');
                Some(())
            }
            (false, true) => {
                out.extend_from_slice(b"\\^");
                Some(())
            }
            (true, true) => {
                out.extend_from_slice(b"[^^]");
                Some(())
            }
            // The empty set.
            (false, false) => None,
        };
    }
    out.push(b'[');
    if neg {
        out.push(b'^');
    }
    if close {
        out.push(b']');
    }
    for (lo, hi) in ranges {
        out.push(lo);
        if hi > lo {
            out.push(b'-');
            out.push(hi);
        }
    }
    let first = !neg && out.last() == Some(&b'[') && !open;
    // Late, so that no `:`, `.` or `=` follows it.
    if open {
        out.push(b'[');
    }
    if caret && first {
        // A leading `^` would negate: a leading `-` is literal.
        out.extend_from_slice(if dash { b"-^" } else { b"^" });
    } else {
        if caret {
            out.push(b'^');
        }
        if dash {
            out.push(b'-');
        }
    }
    out.push(b']');
    Some(())
}
